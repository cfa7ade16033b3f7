using Jsms.Features.Alerts;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Exercises;

/// <summary>
/// Raises one alert for each exercise whose after-action report is past its deadline (about 30 days after execution
/// ended) and not issued. The alert is about the programme, not a play event, so it is not marked as exercise; it goes
/// to the organiser and the participating agencies (AMBER, released to them) and names only the exercise.
/// <para>Exactly once: <see cref="Exercise.AarEscalatedAt"/> is claimed by a conditional UPDATE in the alert's transaction.</para>
/// </summary>
internal sealed class AarMonitor(IServiceScopeFactory scopes, TimeProvider clock, ILogger<AarMonitor> logger)
    : EscalationMonitor<Exercise>(scopes, clock, logger)
{
    public const string AlertKind = "exercise-aar.overdue";

    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override string Subject => "overdue after-action reports";

    protected override Task<List<Exercise>> OverdueAsync(JsmsDbContext db, DateTime now, CancellationToken cancellationToken)
        => db.Set<Exercise>().AsNoTracking().Include(e => e.Participants)
            .Where(e => e.AarDueAt < now && e.AarIssuedAt == null && e.AarEscalatedAt == null && e.Phase != ExercisePhase.Cancelled)
            .OrderBy(e => e.AarDueAt).Take(Batch).ToListAsync(cancellationToken);

    protected override Task<int> ClaimAsync(JsmsDbContext db, Exercise exercise, DateTime now, CancellationToken cancellationToken)
        => db.Set<Exercise>().Where(e => e.Id == exercise.Id && e.AarEscalatedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.AarEscalatedAt, now), cancellationToken);

    protected override Task RaiseAsync(JsmsDbContext db, Exercise exercise, DateTime now, CancellationToken cancellationToken)
    {
        var draft = new AlertDraft(AlertKind, AlertSeverity.Medium, $"After-action report overdue: {Shorten(exercise.Name, 200)}", now)
        {
            Detail = $"Execution ended {exercise.ExecutionEndedAt:yyyy-MM-dd}; the report was due by {exercise.AarDueAt:yyyy-MM-dd} and is not issued.",
            SubjectType = nameof(Exercise),
            SubjectId = exercise.Id,
        };
        var alert = db.Raise(draft, new AlertAudience(exercise.OwnerAgencyId, Tlp.Amber, exercise.CreatedByUserId,
            exercise.Participants.Select(p => p.AgencyId).ToList(), []), [new AlertInput(exercise, "exercise")]);
        db.Audit("escalate", nameof(Exercise), exercise.Id, $"alert {alert.Id}");
        return Task.CompletedTask;
    }
}
