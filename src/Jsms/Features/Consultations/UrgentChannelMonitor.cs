using Jsms.Features.Access;
using Jsms.Features.Accounts;
using Jsms.Features.Alerts;
using Jsms.Features.Partners;
using Jsms.Platform;
using Jsms.Platform.Background;
using Jsms.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jsms.Features.Consultations;

/// <summary>
/// Raises one alert for each urgent message that was not acknowledged by its deadline.
/// <para>
/// Who sees the alert: it is owned by the sender's agency at TLP AMBER+STRICT, so the sender's agency sees it
/// (owner-agency visibility) and nobody else, in particular not the recipient agency. Its creator is the
/// user who sent the message, and the coordinators of the sender's agency are added as named recipients:
/// they are the people who must act, and they keep seeing it even if the owner later raises it to RED.
/// </para>
/// <para>
/// Exactly once: the message's <see cref="UrgentMessage.EscalatedAt"/> is set by a conditional UPDATE
/// ("where not yet escalated") in the same transaction as the alert, so two monitors (or the loop and a
/// direct call) cannot both raise one.
/// </para>
/// </summary>
internal sealed class UrgentChannelMonitor(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<JsmsOptions> options,
    ILogger<UrgentChannelMonitor> logger) : PeriodicCheck(clock, logger)
{
    public const string AlertKind = "urgent-message.overdue";

    private readonly SemaphoreSlim _gate = new(1, 1);

    protected override TimeSpan Interval => TimeSpan.FromSeconds(Math.Max(1, options.Value.UrgentChannel.CheckIntervalSeconds));

    protected override string Subject => "unacknowledged urgent messages";

    protected override Task<int> CheckAsync(CancellationToken cancellationToken) => EscalateOverdueAsync(cancellationToken);

    /// <summary>Escalates every unacknowledged message past its deadline that was not escalated yet; returns how many alerts it raised.</summary>
    public async Task<int> EscalateOverdueAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<JsmsDbContext>();
            var now = Clock.GetUtcNow().UtcDateTime;
            // The monitor is the system, not a caller: it reads the table directly and writes alerts on the owner's behalf.
            var due = await db.Set<UrgentMessage>().AsNoTracking()
                .Where(m => m.AcknowledgedAt == null && m.EscalatedAt == null && m.AcknowledgeBy < now)
                .OrderBy(m => m.AcknowledgeBy)
                .Take(200)
                .ToListAsync(cancellationToken);
            var raised = 0;
            foreach (var message in due)
            {
                if (await EscalateAsync(db, message, now, cancellationToken))
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

    private static async Task<bool> EscalateAsync(JsmsDbContext db, UrgentMessage message, DateTime now, CancellationToken cancellationToken)
    {
        // The audit lock before the transaction (JsmsDbContext.HoldAuditLockAsync): taken inside it, after the write lock, it deadlocks with a save that holds it and waits for SQLite's.
        await using var auditLock = await db.HoldAuditLockAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.Set<UrgentMessage>()
            .Where(m => m.Id == message.Id && m.EscalatedAt == null && m.AcknowledgedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.EscalatedAt, now), cancellationToken);
        if (claimed == 0)
        {
            return false;
        }
        var to = await db.Set<Agency>().Where(a => a.Id == message.ToAgencyId).Select(a => a.Code).FirstAsync(cancellationToken);
        var coordinators = await (from u in db.Users
                                  join ur in db.UserRoles on u.Id equals ur.UserId
                                  join r in db.Roles on ur.RoleId equals r.Id
                                  where u.AgencyId == message.OwnerAgencyId && !u.IsDisabled && r.Name == JsmsRoles.Coordinator
                                  select u.Id).Distinct().ToListAsync(cancellationToken);
        var draft = new AlertDraft(AlertKind, AlertSeverity.High, $"Urgent message to {to} not acknowledged: {Shorten(message.Subject, 200)}", now)
        {
            Detail = $"Sent {message.SentAt:yyyy-MM-dd HH:mm} UTC; acknowledgement was due by {message.AcknowledgeBy:yyyy-MM-dd HH:mm} UTC.",
            SubjectType = nameof(UrgentMessage),
            SubjectId = message.Id,
        };
        var alert = db.Raise(draft, new AlertAudience(message.OwnerAgencyId, Tlp.AmberStrict, message.CreatedByUserId, [], coordinators),
            [new AlertInput(message, "urgent-message")]);
        db.Audit("escalate", nameof(UrgentMessage), message.Id, $"alert {alert.Id}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    public override void Dispose()
    {
        _gate.Dispose();
        base.Dispose();
    }
}
