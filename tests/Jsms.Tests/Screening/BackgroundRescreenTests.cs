using Jsms.Features.Screening;
using Jsms.Features.Screening.Watchlists;
using Jsms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Jsms.Tests.Screening.WatchlistTestLists;

namespace Jsms.Tests.Screening;

public sealed class BackgroundRescreenTests(JsmsTestApp app) : IClassFixture<JsmsTestApp>
{
    [Fact]
    public async Task An_import_answers_before_its_rescreen_runs_and_the_run_is_visible_with_what_it_did()
    {
        using var pk = await app.LoginAs("pk.coordinator");
        var watchlist = await pk.CreateWatchlistAsync("Drivers, background rescreen test");
        var driver = await pk.AddSubjectAsync(watchlist.Id, "Zarif Khan Mohmand", birthDate: "1974-04-04");

        ImportOutcome outcome;
        // While the rescreen gate is held no rescreen can finish: the import still answers.
        using (await app.Service<RescreenGate>().EnterAsync(CancellationToken.None))
        {
            outcome = await ImportWithoutWaitingAsync(UnXml(new Listed("9600001", "Zarif Khan Mohmand", "1974-04-04")));
            Assert.False(outcome.Unchanged);
            Assert.Empty(await pk.MatchesOfAsync(driver.Id));
            var pending = (await pk.RescreensAsync()).First(r => r.ListVersionId == outcome.VersionId);
            Assert.True(pending.Status is "Queued" or "Running", pending.Status);
            Assert.Null(pending.FinishedAt);
        }
        await app.RescreensDoneAsync();

        var run = (await pk.RescreensAsync()).First(r => r.ListVersionId == outcome.VersionId);
        Assert.Equal(("Succeeded", $"UN version {outcome.Number}"), (run.Status, run.Trigger));
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, run.StartedAt);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, run.FinishedAt);
        Assert.Null(run.Note);
        var stored = await app.WithDb(db => db.Set<RescreenRun>().AsNoTracking().SingleAsync(r => r.Id == run.Id));
        Assert.True(stored.Subjects >= 1, $"subjects {stored.Subjects}");
        Assert.True(stored.Alerts >= 1, $"alerts {stored.Alerts}");
        // Counts over every agency's watchlists are not shown to anyone through the API.
        var json = await pk.GetStringAsync("/api/screening/rescreens");
        foreach (var count in new[] { "subjects", "matches", "alerts", "closed" })
        {
            Assert.DoesNotContain($"\"{count}\"", json, StringComparison.Ordinal);
        }
        Assert.Equal("Open", Assert.Single(await pk.MatchesOfAsync(driver.Id)).Status);
        Assert.Single(await app.AlertsAboutAsync(driver.Name));
    }

    [Fact]
    public async Task Imports_close_together_are_coalesced_into_one_rescreen_against_the_newest_list()
    {
        using var pk = await app.LoginAs("pk.coordinator");
        var watchlist = await pk.CreateWatchlistAsync("Contractors, coalesce test");
        var subject = await pk.AddSubjectAsync(watchlist.Id, "Wali Dad Shinwari", "contractor", "1979-09-19");

        var outcomes = new List<ImportOutcome>();
        using (await app.Service<RescreenGate>().EnterAsync(CancellationToken.None))
        {
            outcomes.Add(await ImportWithoutWaitingAsync(UnXml(new Listed("9700001", "Unrelated Listed Person", "1950-05-05"))));
            outcomes.Add(await ImportWithoutWaitingAsync(UnXml(new Listed("9700002", "Another Unrelated Person", "1951-05-05"))));
            outcomes.Add(await ImportWithoutWaitingAsync(UnXml(new Listed("9700003", "Wali Dad Shinwari", "1979-09-19"))));
        }
        await app.RescreensDoneAsync();

        var runs = (await pk.RescreensAsync()).Where(r => outcomes.Any(o => o.VersionId == r.ListVersionId)).ToList();
        Assert.Equal(3, runs.Count);
        var newest = runs.Single(r => r.ListVersionId == outcomes[^1].VersionId);
        Assert.Equal("Succeeded", newest.Status);
        // The first run may have started before the others were queued (then the second is covered by the newest) or not
        // (then the first is covered by the second): either way fewer rescreens than imports, each covered run saying by which.
        var coalesced = runs.Where(r => r.Status == "Coalesced").ToList();
        Assert.NotEmpty(coalesced);
        Assert.All(coalesced, c => Assert.Contains("Covered by the rescreen after UN version", c.Note));
        Assert.Equal(3 - coalesced.Count, runs.Count(r => r.Status == "Succeeded"));
        Assert.Equal("9700003", Assert.Single(await pk.MatchesOfAsync(subject.Id)).SourceId);
    }

    [Fact]
    public async Task A_failed_rescreen_is_recorded_with_its_reason()
    {
        using var pk = await app.LoginAs("pk.coordinator");
        var watchlist = await pk.CreateWatchlistAsync("Broken subject, failure test");
        var subject = await pk.AddSubjectAsync(watchlist.Id, "Faulty Record Subject");
        // A subject row the rescreen cannot read (a type no version of JSMS writes) makes the rescreen fail.
        await app.WithDb(db => db.Database.ExecuteSqlAsync($"UPDATE \"WatchSubjects\" SET \"Kind\" = 'Spaceship' WHERE \"Name\" = {subject.Name}"));
        try
        {
            var outcome = await app.ImportUnAsync(UnXml(new Listed("9800001", "Someone Listed Here", "1960-06-06")));
            var run = (await pk.RescreensAsync()).First(r => r.ListVersionId == outcome.VersionId);
            Assert.Equal("Failed", run.Status);
            Assert.NotNull(run.FinishedAt);
            Assert.Contains("Spaceship", run.Note);
        }
        finally
        {
            await app.WithDb(db => db.Database.ExecuteSqlAsync($"DELETE FROM \"WatchSubjects\" WHERE \"Name\" = {subject.Name}"));
        }
        var next = await app.ImportUnAsync(UnXml(new Listed("9800002", "Someone Else Listed", "1961-06-06")));
        Assert.Equal("Succeeded", (await pk.RescreensAsync()).First(r => r.ListVersionId == next.VersionId).Status);
    }

    private async Task<ImportOutcome> ImportWithoutWaitingAsync(string xml)
    {
        using var admin = await app.LoginAs("admin");
        using var form = new MultipartFormDataContent { { new StringContent(xml), "file", "un-test.xml" } };
        return await (await admin.PostAsync("/api/screening/lists/un", form)).Read<ImportOutcome>();
    }
}
