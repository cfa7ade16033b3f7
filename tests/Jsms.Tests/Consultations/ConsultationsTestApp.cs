using Jsms.Features.Audit;
using Jsms.Platform.Audit;
using Jsms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Tests.Consultations;

/// <summary>The app with the urgent-channel loop slowed down, so only the tests call the monitor.</summary>
public sealed class ConsultationsTestApp : JsmsTestApp
{
    protected override IEnumerable<string> ExtraArguments => ["--Jsms:UrgentChannel:CheckIntervalSeconds=3600"];

    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    public Task<int> AuditCount(Guid recordId, string action)
        => WithDb(db => db.Set<AuditEntry>().CountAsync(e => e.RecordId == recordId && e.Action == action));
}
