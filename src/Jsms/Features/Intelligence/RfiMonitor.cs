using Jsms.Platform.Identity;
using Jsms.Features.Alerts;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Partners;
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
    ILogger<RfiMonitor> logger) : EscalationMonitor<Rfi>(scopes, clock, logger)
{
    public const string AlertKind = "rfi.overdue";

    protected override TimeSpan Interval => TimeSpan.FromSeconds(Math.Max(1, options.Value.RfiCheckSeconds));

    protected override string Subject => "overdue requests for information";

    protected override Task<List<Rfi>> OverdueAsync(JsmsDbContext db, DateTime now, CancellationToken cancellationToken)
        => RfiService.Overdue(db.Set<Rfi>(), now).Where(r => r.EscalatedAt == null).AsNoTracking()
            .Include(r => r.Addressees).OrderBy(r => r.DueAt).Take(Batch).ToListAsync(cancellationToken);

    protected override Task<int> ClaimAsync(JsmsDbContext db, Rfi rfi, DateTime now, CancellationToken cancellationToken)
        => db.Set<Rfi>().Where(r => r.Id == rfi.Id && r.EscalatedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.EscalatedAt, now), cancellationToken);

    protected override async Task RaiseAsync(JsmsDbContext db, Rfi rfi, DateTime now, CancellationToken cancellationToken)
    {
        var late = rfi.Addressees.Where(a => a.AnsweredAt == null).Select(a => a.AgencyId).ToList();
        var lateCodes = await db.Set<Agency>().Where(a => late.Contains(a.Id)).Select(a => a.Code).OrderBy(c => c).ToListAsync(cancellationToken);
        var agencies = late.Append(rfi.OwnerAgencyId).ToList();
        var coordinators = await Coordinators.OfAgenciesAsync(db, agencies, cancellationToken);
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
    }
}
