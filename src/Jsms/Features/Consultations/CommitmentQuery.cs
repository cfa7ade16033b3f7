namespace Jsms.Features.Consultations;

internal sealed record CommitmentQuery(Guid? Dialogue, string? Sector, string? Status, bool? Overdue);
