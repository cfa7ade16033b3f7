using Jsms.Features.Screening.Watchlists;
using Jsms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Jsms.Tests.Screening.WatchlistTestLists;

namespace Jsms.Tests.Screening;

/// <summary>A restart of the application: its own app, so the restart does not disturb other tests.</summary>
public sealed class RescreenAtStartTests(JsmsTestApp app) : IClassFixture<JsmsTestApp>
{
    [Fact]
    public async Task A_list_stored_but_never_rescreened_before_the_process_stopped_is_rescreened_at_start()
    {
        using (var pk = await app.LoginAs("pk.coordinator"))
        {
            var watchlist = await pk.CreateWatchlistAsync("Staff, restart test");
            await pk.AddSubjectAsync(watchlist.Id, "Sardar Ayaz Sadiq Khel", "localStaff", "1963-03-13");
        }
        var outcome = await app.ImportUnAsync(UnXml(new Listed("9900001", "Sardar Ayaz Sadiq Khel", "1963-03-13")));
        // As if the process had stopped between storing the version and queueing its rescreen, and before any ran.
        await app.WithDb(async db =>
        {
            await db.Set<WatchMatch>().ExecuteDeleteAsync();
            await db.Set<RescreenRun>().ExecuteDeleteAsync();
        });

        await app.RestartAsync();
        await app.RescreensDoneAsync();

        using var client = await app.LoginAs("pk.coordinator");
        var run = Assert.Single(await client.RescreensAsync());
        Assert.Equal((outcome.VersionId, "Succeeded"), (run.ListVersionId, run.Status));
        Assert.Contains("never rescreened", run.Trigger);
        var stored = await app.WithDb(db => db.Set<RescreenRun>().AsNoTracking().SingleAsync(r => r.Id == run.Id));
        Assert.True(stored.Alerts >= 1, $"alerts {stored.Alerts}");
    }
}
