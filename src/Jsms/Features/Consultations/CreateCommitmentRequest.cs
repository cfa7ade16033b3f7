using Jsms.Platform.Access;

namespace Jsms.Features.Consultations;

internal sealed record CreateCommitmentRequest(string? Title, string? Description, string? Sector, string? ResponsibleAgency, string? DueOn,
    Guid? MeetingId, string? Status, int? PercentComplete, MarkingInput? Marking);
