namespace Jsms.Features.Screening.Watchlists;

/// <summary>
/// A background rescreen as GET /api/screening/rescreens shows it to any signed-in user. Without its counts of subjects,
/// matches and alerts: those are summed over every agency's watchlists and would tell a partner how many people another
/// agency watches and how many of them match (the run keeps them for the log and the administrators' database).
/// </summary>
internal sealed record RescreenRunDto(Guid Id, Guid? ListVersionId, string Trigger, string Status, DateTime RequestedAt, DateTime? StartedAt,
    DateTime? FinishedAt, string? Note);
