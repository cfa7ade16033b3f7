using Jsms.Platform.Background;
using Jsms.Platform.Database;

namespace Jsms.Features.Alerts;

/// <summary>
/// A deadline monitor that escalates each overdue item (an unacknowledged urgent message, an unanswered request for
/// information) into exactly one alert. The item is claimed by a conditional UPDATE ("where not yet escalated") in
/// the alert's transaction, so two monitors, or the loop and a direct call, cannot both raise one.
/// </summary>
internal abstract class EscalationMonitor<T>(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger) : PeriodicCheck(clock, logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>At most this many items are escalated per check; the next check takes the rest.</summary>
    protected const int Batch = 200;

    /// <summary>The items past their deadline and not escalated yet, oldest first (at most <see cref="Batch"/>). The monitor is the system, not a caller: it reads the table directly.</summary>
    protected abstract Task<List<T>> OverdueAsync(JsmsDbContext db, DateTime now, CancellationToken cancellationToken);

    /// <summary>Marks the item escalated unless someone did already; the number of rows changed (0: leave it).</summary>
    protected abstract Task<int> ClaimAsync(JsmsDbContext db, T item, DateTime now, CancellationToken cancellationToken);

    /// <summary>Raises the item's alert (<see cref="AlertRaiser"/>) and audits the escalation; saved by the monitor in the claim's transaction.</summary>
    protected abstract Task RaiseAsync(JsmsDbContext db, T item, DateTime now, CancellationToken cancellationToken);

    protected override Task<int> CheckAsync(CancellationToken cancellationToken) => EscalateOverdueAsync(cancellationToken);

    /// <summary>Escalates every overdue item not escalated yet; returns how many alerts it raised.</summary>
    public async Task<int> EscalateOverdueAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<JsmsDbContext>();
            var now = Clock.GetUtcNow().UtcDateTime;
            var raised = 0;
            foreach (var item in await OverdueAsync(db, now, cancellationToken))
            {
                if (await EscalateAsync(db, item, now, cancellationToken))
                {
                    raised++;
                }
            }
            return raised;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<bool> EscalateAsync(JsmsDbContext db, T item, DateTime now, CancellationToken cancellationToken)
    {
        // The audit lock before the transaction (JsmsDbContext.HoldAuditLockAsync): taken inside it, after SQLite's write
        // lock, it deadlocks with a save that holds it and waits for that write lock.
        await using var auditLock = await db.HoldAuditLockAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await ClaimAsync(db, item, now, cancellationToken) == 0)
        {
            return false;
        }
        await RaiseAsync(db, item, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>A title's text cut to <paramref name="max"/> characters.</summary>
    protected static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    public override void Dispose()
    {
        _gate.Dispose();
        base.Dispose();
    }
}
