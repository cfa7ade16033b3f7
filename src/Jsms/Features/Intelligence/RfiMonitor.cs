using Jsms.Features.Access;
using Jsms.Features.Accounts;
using Jsms.Features.Alerts;
using Jsms.Features.Partners;
using Jsms.Platform.Background;
using Jsms.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jsms.Features.Intelligence;

/// <summary>
/// Raises one alert for each open request for information past its deadline that an asked agency has not answered
/// (the same way <see cref="Consultations.UrgentChannelMonitor"/> escalates urgent messages).
/// <para>
/// The alert is owned by the asking agency at AMBER+STRICT; its named recipients are the coordinators of the asking
/// agency and of every asked agency that has not answered: the people who must chase or deliver. It names only the
/// request's title and the late agencies, which those coordinators already see.
/// </para>
/// <para>Exactly once: <see cref="Rfi.EscalatedAt"/> is claimed by a conditional UPDATE in the alert's transaction.</para>
/// </summary>
internal sealed class RfiMonitor(IServiceScopeFactory scopes, TimeProvider clock, IOptions<IntelligenceOptions> options,
    ILogger<RfiMonitor> logger) : PeriodicCheck(clock, logger)
{
    public const string AlertKind = "rfi.overdue";

    private readonly SemaphoreSlim _gate = new(1, 1);

    protected override TimeSpan Interval => TimeSpan.FromSeconds(Math.Max(1, options.Value.RfiCheckSeconds));

    protected override string Subject => "overdue requests for information";

    protected override Task<int> CheckAsync(CancellationToken cancellationToken) => EscalateOverdueAsync(cancellationToken);

    /// <summary>Escalates every overdue request not escalated yet; returns how many alerts it raised.</summary>
    public async Task<int> EscalateOverdueAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<JsmsDbContext>();
            var now = Clock.GetUtcNow().UtcDateTime;
            // The monitor is the system, not a caller: it reads the table directly and writes alerts on the owner's behalf.
            var due = await RfiService.Overdue(db.Set<Rfi>(), now).Where(r => r.EscalatedAt == null).AsNoTracking()
                .Include(r => r.Addressees).OrderBy(r => r.DueAt).Take(200).ToListAsync(cancellationToken);
            var raised = 0;
            foreach (var rfi in due)
            {
                if (await EscalateAsync(db, rfi, now, cancellationToken))
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

    private static async Task<bool> EscalateAsync(JsmsDbContext db, Rfi rfi, DateTime now, CancellationToken cancellationToken)
    {
        // The audit lock before the transaction (JsmsDbContext.HoldAuditLockAsync): taken inside it, after the write lock, it deadlocks with a save that holds it and waits for SQLite's.
        await using var auditLock = await db.HoldAuditLockAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.Set<Rfi>().Where(r => r.Id == rfi.Id && r.EscalatedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.EscalatedAt, now), cancellationToken);
        if (claimed == 0)
        {
            return false;
        }
        var late = rfi.Addressees.Where(a => a.AnsweredAt == null).Select(a => a.AgencyId).ToList();
        var lateCodes = await db.Set<Agency>().Where(a => late.Contains(a.Id)).Select(a => a.Code).OrderBy(c => c).ToListAsync(cancellationToken);
        var agencies = late.Append(rfi.OwnerAgencyId).ToList();
        var coordinators = await (from u in db.Users
                                  join ur in db.UserRoles on u.Id equals ur.UserId
                                  join r in db.Roles on ur.RoleId equals r.Id
                                  where agencies.Contains(u.AgencyId) && !u.IsDisabled && r.Name == JsmsRoles.Coordinator
                                  select u.Id).Distinct().ToListAsync(cancellationToken);
        var draft = new AlertDraft(AlertKind, AlertSeverity.Medium,
            $"Request for information overdue ({string.Join(", ", lateCodes)}): {Shorten(rfi.Title, 200)}", now)
        {
            Detail = $"Asked {rfi.AskedAt:yyyy-MM-dd HH:mm} UTC; the answer was due by {rfi.DueAt:yyyy-MM-dd HH:mm} UTC.",
            SubjectType = nameof(Rfi),
            SubjectId = rfi.Id,
        };
        // It reveals the request's title: an asked coordinator to whom the request is not released reads the alert redacted.
        var alert = db.Raise(draft, new AlertAudience(rfi.OwnerAgencyId, Tlp.AmberStrict, rfi.CreatedByUserId, [], coordinators),
            [new AlertInput(rfi, "rfi")]);
        db.Audit("escalate", nameof(Rfi), rfi.Id, $"alert {alert.Id}");
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
