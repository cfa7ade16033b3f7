using Jsms.Features.Alerts;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jsms.Features.Training;

/// <summary>
/// Warns once of each certificate that expires within <see cref="TrainingOptions.ExpiryWarningDays"/>: an alert owned by
/// the holder's agency, named to that agency's coordinators (who arrange the refresher). It is derived from the course,
/// so a coordinator to whom the course is not released reads it redacted.
/// <para>Exactly once per certificate: <see cref="Enrolment.ExpiryAlertedAt"/> is claimed by a conditional UPDATE.</para>
/// </summary>
internal sealed class CertificateExpiryMonitor(IServiceScopeFactory scopes, TimeProvider clock, IOptions<TrainingOptions> options,
    ILogger<CertificateExpiryMonitor> logger) : EscalationMonitor<Enrolment>(scopes, clock, logger)
{
    public const string AlertKind = "certificate.expiring";

    protected override TimeSpan Interval => TimeSpan.FromSeconds(Math.Max(1, options.Value.CheckSeconds));

    protected override string Subject => "expiring training certificates";

    protected override Task<List<Enrolment>> OverdueAsync(JsmsDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var horizon = DateOnly.FromDateTime(now).AddDays(options.Value.ExpiryWarningDays);
        return db.Set<Enrolment>().AsNoTracking()
            .Where(e => e.CertificateExpiresOn != null && e.CertificateExpiresOn <= horizon && e.ExpiryAlertedAt == null && e.PersonAgencyId != null)
            .OrderBy(e => e.CertificateExpiresOn).Take(Batch).ToListAsync(cancellationToken);
    }

    protected override Task<int> ClaimAsync(JsmsDbContext db, Enrolment enrolment, DateTime now, CancellationToken cancellationToken)
        => db.Set<Enrolment>().Where(e => e.Id == enrolment.Id && e.ExpiryAlertedAt == null && e.CertificateExpiresOn == enrolment.CertificateExpiresOn)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ExpiryAlertedAt, now), cancellationToken);

    protected override async Task RaiseAsync(JsmsDbContext db, Enrolment enrolment, DateTime now, CancellationToken cancellationToken)
    {
        var course = await db.Set<Course>().AsNoTracking().FirstAsync(c => c.Id == enrolment.CourseId, cancellationToken);
        var agencyId = enrolment.PersonAgencyId!.Value;
        var coordinators = await Coordinators.OfAgenciesAsync(db, [agencyId], cancellationToken);
        var expires = enrolment.CertificateExpiresOn!.Value;
        var expired = expires < DateOnly.FromDateTime(now);
        var draft = new AlertDraft(AlertKind, expired ? AlertSeverity.Medium : AlertSeverity.Low,
            $"Certificate {(expired ? "expired" : "expiring")} {expires:yyyy-MM-dd}: {Shorten(enrolment.PersonName, 80)}, {Shorten(course.Topic, 150)}", now)
        {
            Detail = $"Certificate {enrolment.CertificateNumber} issued {enrolment.CertificateIssuedOn:yyyy-MM-dd}, valid until {expires:yyyy-MM-dd}.",
            SubjectType = nameof(Enrolment),
            SubjectId = enrolment.Id,
            SubjectLabel = enrolment.PersonName,
        };
        var alert = db.Raise(draft, new AlertAudience(agencyId, Tlp.Amber, course.CreatedByUserId, [], coordinators),
            [new AlertInput(course, "course")]);
        db.Audit("escalate", nameof(Enrolment), enrolment.Id, $"alert {alert.Id}");
    }
}
