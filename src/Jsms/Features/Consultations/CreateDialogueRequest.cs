using Jsms.Platform.Access;

namespace Jsms.Features.Consultations;

internal sealed record CreateDialogueRequest(string? Title, string? Format, string? Description, Guid? PartnershipId, string[]? Parties, MarkingInput? Marking);
