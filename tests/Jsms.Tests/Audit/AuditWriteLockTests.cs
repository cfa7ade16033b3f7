using Jsms.Features.Audit;
using Jsms.Platform.Audit;
using Jsms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jsms.Tests.Audit;

/// <summary>The audit append lock belongs to one application: two applications in one process write their logs independently.</summary>
public sealed class AuditWriteLockTests(EmptyJsmsTestApp app) : IClassFixture<EmptyJsmsTestApp>
{
    [Fact]
    public async Task An_application_holding_its_audit_lock_does_not_stop_another_application_in_the_process_from_auditing()
    {
        var other = new EmptyJsmsTestApp();
        await other.InitializeAsync();
        try
        {
            await WriteWhileTheFirstHoldsItsLock(other);
        }
        finally
        {
            await other.DisposeAsync();
        }
    }

    private async Task WriteWhileTheFirstHoldsItsLock(EmptyJsmsTestApp other)
    {
        Assert.NotSame(app.App.Services.GetRequiredService<AuditWriteLock>(), other.App.Services.GetRequiredService<AuditWriteLock>());

        await using var scope = app.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Jsms.Platform.Database.JsmsDbContext>();
        await using (await db.HoldAuditLockAsync())
        {
            // The other application's save completes while this one holds its lock (a shared lock would wait forever).
            await other.WithDb(async otherDb =>
            {
                otherDb.Audit("test.lock", detail: "written while another application holds its lock");
                await otherDb.SaveChangesAsync();
            }).WaitAsync(TimeSpan.FromSeconds(30));
        }

        Assert.Equal(1, await other.WithDb(o => o.Set<AuditEntry>().CountAsync(e => e.Action == "test.lock")));
    }
}
