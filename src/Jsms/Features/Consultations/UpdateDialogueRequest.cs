using Jsms.Platform.Access;

namespace Jsms.Features.Consultations;

/// <summary>Only the members given are changed.</summary>
internal sealed record UpdateDialogueRequest(string? Title, string? Format, string? Description, string[]? Parties, MarkingInput? Marking);
