using Jsms.Features.Alerts;
using Jsms.Platform.Access;
using Jsms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Tests.Equipment;

/// <summary>The app with the inventory loop slowed down, so the tests call the monitor themselves.</summary>
public sealed class EquipmentTestApp : JsmsTestApp
{
    protected override IEnumerable<string> ExtraArguments => ["--Jsms:Equipment:CheckSeconds=4000000"];

    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    internal Task<List<Alert>> AlertsAbout(Guid subjectId, string kind)
        => WithDb(db => db.Set<Alert>().AsNoTracking().Where(a => a.SubjectId == subjectId && a.Kind == kind).ToListAsync());

    internal Task<List<string>> RecipientsOf(Guid alertId) => WithDb(db => db.Set<NamedRecipient>().Where(r => r.RecordId == alertId)
        .Join(db.Users, r => r.UserId, u => u.Id, (r, u) => u.UserName!).ToListAsync());
}
