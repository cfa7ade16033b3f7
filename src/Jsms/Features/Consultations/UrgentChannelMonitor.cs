using Jsms.Platform.Identity;
using Jsms.Features.Alerts;
using Jsms.Platform;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Partners;
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
    ILogger<UrgentChannelMonitor> logger) : EscalationMonitor<UrgentMessage>(scopes, clock, logger)
{
    public const string AlertKind = "urgent-message.overdue";

    protected override TimeSpan Interval => TimeSpan.FromSeconds(Math.Max(1, options.Value.UrgentChannel.CheckIntervalSeconds));

    protected override string Subject => "unacknowledged urgent messages";

    protected override Task<List<UrgentMessage>> OverdueAsync(JsmsDbContext db, DateTime now, CancellationToken cancellationToken)
        => db.Set<UrgentMessage>().AsNoTracking()
            .Where(m => m.AcknowledgedAt == null && m.EscalatedAt == null && m.AcknowledgeBy < now)
            .OrderBy(m => m.AcknowledgeBy)
            .Take(Batch)
            .ToListAsync(cancellationToken);

    protected override Task<int> ClaimAsync(JsmsDbContext db, UrgentMessage message, DateTime now, CancellationToken cancellationToken)
        => db.Set<UrgentMessage>()
            .Where(m => m.Id == message.Id && m.EscalatedAt == null && m.AcknowledgedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.EscalatedAt, now), cancellationToken);

    protected override async Task RaiseAsync(JsmsDbContext db, UrgentMessage message, DateTime now, CancellationToken cancellationToken)
    {
        var to = await db.Set<Agency>().Where(a => a.Id == message.ToAgencyId).Select(a => a.Code).FirstAsync(cancellationToken);
        var coordinators = await Coordinators.OfAgenciesAsync(db, [message.OwnerAgencyId], cancellationToken);
        var draft = new AlertDraft(AlertKind, AlertSeverity.High, $"Urgent message to {to} not acknowledged: {Shorten(message.Subject, 200)}", now)
        {
            Detail = $"Sent {message.SentAt:yyyy-MM-dd HH:mm} UTC; acknowledgement was due by {message.AcknowledgeBy:yyyy-MM-dd HH:mm} UTC.",
            SubjectType = nameof(UrgentMessage),
            SubjectId = message.Id,
        };
        var alert = db.Raise(draft, new AlertAudience(message.OwnerAgencyId, Tlp.AmberStrict, message.CreatedByUserId, [], coordinators),
            [new AlertInput(message, "urgent-message")]);
        db.Audit("escalate", nameof(UrgentMessage), message.Id, $"alert {alert.Id}");
    }
}
