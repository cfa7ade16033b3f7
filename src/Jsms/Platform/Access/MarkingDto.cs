namespace Jsms.Platform.Access;

/// <summary>A release marking as clients read it.</summary>
internal sealed record MarkingDto(string Tlp, string OwnerAgency, IReadOnlyList<string> ReleaseTo, IReadOnlyList<string> Recipients);
