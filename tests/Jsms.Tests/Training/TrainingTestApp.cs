using Jsms.Features.Alerts;
using Jsms.Platform.Access;
using Jsms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Tests.Training;

/// <summary>The app with the certificate-expiry loop slowed down, so the tests call the monitor themselves.</summary>
public sealed class TrainingTestApp : JsmsTestApp
{
    // Tokens outlive the clock moves of a year or more that certificate validity takes.
    protected override IEnumerable<string> ExtraArguments => ["--Jsms:Training:CheckSeconds=4000000", "--Jsms:TokenLifetimeMinutes=2000000"];

    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    internal Task<Guid> UserId(string userName) => WithDb(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).FirstAsync());

    internal Task<List<Alert>> AlertsAbout(Guid subjectId) => WithDb(db => db.Set<Alert>().AsNoTracking().Where(a => a.SubjectId == subjectId).ToListAsync());

    internal Task<List<string>> RecipientsOf(Guid alertId) => WithDb(db => db.Set<NamedRecipient>().Where(r => r.RecordId == alertId)
        .Join(db.Users, r => r.UserId, u => u.Id, (r, u) => u.UserName!).ToListAsync());
}
