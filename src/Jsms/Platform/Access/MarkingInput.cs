namespace Jsms.Platform.Access;

/// <summary>A release marking as clients write it: TLP label, agency codes, usernames.</summary>
internal sealed record MarkingInput(string? Tlp, string[]? ReleaseTo, string[]? Recipients);
