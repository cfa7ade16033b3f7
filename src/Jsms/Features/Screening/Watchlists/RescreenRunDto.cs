namespace Jsms.Features.Screening.Watchlists;

/// <summary>A background rescreen as GET /api/screening/rescreens shows it.</summary>
internal sealed record RescreenRunDto(Guid Id, Guid? ListVersionId, string Trigger, string Status, DateTime RequestedAt, DateTime? StartedAt,
    DateTime? FinishedAt, int Subjects, int Matches, int Alerts, int Closed, string? Note);
