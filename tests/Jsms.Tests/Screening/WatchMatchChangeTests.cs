using Jsms.Features.Screening.Watchlists;
using Jsms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Jsms.Tests.Screening.WatchlistTestLists;

namespace Jsms.Tests.Screening;

public sealed class WatchMatchChangeTests(JsmsTestApp app) : IClassFixture<JsmsTestApp>
{
    [Fact]
    public async Task A_confirmed_match_alerts_again_saying_what_changed_and_the_delisting_of_its_entry_closes_it()
    {
        using var pk = await app.LoginAs("pk.coordinator");
        var watchlist = await pk.CreateWatchlistAsync("Drivers, delisting test");
        var subject = await pk.AddSubjectAsync(watchlist.Id, "Mir Aslam Jatoi Rind", birthDate: "1969-01-21");
        var listed = new Listed("9910001", "Mir Aslam Jatoi Rind", "1969-01-21", "Listed in 2019.");
        await app.ImportUnAsync(UnXml(listed));
        var match = Assert.Single(await pk.MatchesOfAsync(subject.Id));
        (await pk.Post($"/api/screening/watchlists/matches/{match.Id}/review", new { decision = "confirmed", reason = "Same CNIC as the listed man." }))
            .EnsureSuccessStatusCode();

        // The entry changes: the confirmed match alerts again and says what changed; it stays confirmed.
        await app.ImportUnAsync(UnXml(listed with { Comment = "Listed in 2019. Moved to Kandahar in 2026." }));
        var alerts = await app.AlertsAboutAsync(subject.Name);
        Assert.Equal(2, alerts.Count);
        Assert.Contains("list entry of this confirmed match changed", alerts[1].Detail);
        Assert.Contains("Moved to Kandahar", alerts[1].Detail);
        var changed = Assert.Single(await pk.MatchesOfAsync(subject.Id));
        Assert.Equal("Confirmed", changed.Status);
        Assert.Contains("Moved to Kandahar", changed.StatusNote);

        // The entry leaves the list: the match is closed, says so, and the confirmed match alerts once more.
        var delisting = await app.ImportUnAsync(UnXml(new Listed("9910002", "Different Person Entirely", "1955-05-05")));
        var closed = Assert.Single(await pk.MatchesOfAsync(subject.Id));
        Assert.Equal("Closed", closed.Status);
        Assert.Contains("delisted", closed.StatusNote);
        Assert.Contains($"UN version {delisting.Number}", closed.StatusNote);
        alerts = await app.AlertsAboutAsync(subject.Name);
        Assert.Equal(3, alerts.Count);
        Assert.Contains("delisted", alerts[2].Detail);
        var delistingRun = (await pk.RescreensAsync()).First(r => r.ListVersionId == delisting.VersionId);
        Assert.Equal(1, (await app.WithDb(db => db.Set<RescreenRun>().AsNoTracking().SingleAsync(r => r.Id == delistingRun.Id))).Closed);
        Assert.Contains(await pk.GetAs<List<MatchDto>>("/api/screening/watchlists/matches?status=closed"), m => m.Id == match.Id);

        // Another import without it: still closed, no new alert.
        await app.ImportUnAsync(UnXml(new Listed("9910003", "Yet Another Person", "1956-05-05")));
        Assert.Equal("Closed", Assert.Single(await pk.MatchesOfAsync(subject.Id)).Status);
        Assert.Equal(3, (await app.AlertsAboutAsync(subject.Name)).Count);
    }
}
