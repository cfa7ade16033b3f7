using System.Net;
using System.Text.Json;
using Jsms.Features.Screening.Watchlists;
using Jsms.Tests.Infrastructure;
using static Jsms.Tests.Screening.WatchlistTestLists;

namespace Jsms.Tests.Screening;

public sealed class WatchlistTests(JsmsTestApp app) : IClassFixture<JsmsTestApp>
{
    [Fact]
    public async Task A_list_import_rescreens_the_watchlists_and_alerts_once_per_new_match_with_the_explanation()
    {
        using var pk = await app.LoginAs("pk.coordinator");
        var watchlist = await pk.CreateWatchlistAsync("Convoy drivers, import test");
        var driver = await pk.AddSubjectAsync(watchlist.Id, "Qasim Zahoor Lodhi", birthDate: "1971-05-02");
        var clerk = await pk.AddSubjectAsync(watchlist.Id, "Yasmin Noor Chandio", "localStaff");
        Assert.Empty(await pk.MatchesOfAsync(driver.Id));

        var listed = new Listed("9100001", "Qasim Zahoor Lodhi", "1971-05-02");
        var first = await app.ImportUnAsync(UnXml(listed));
        Assert.False(first.Unchanged);

        var matches = await pk.MatchesOfAsync(driver.Id);
        var match = Assert.Single(matches);
        Assert.Equal(("UN", "9100001", "Open"), (match.Source, match.SourceId, match.Status));
        Assert.True(match.Score >= 0.9, $"score {match.Score}");
        Assert.NotEmpty(match.Reasons);
        Assert.Empty(await pk.MatchesOfAsync(clerk.Id));
        var alert = Assert.Single(await app.AlertsAboutAsync(driver.Name));
        Assert.Contains("QASIM ZAHOOR LODHI", alert.Detail);
        Assert.Contains($"{match.Score:0.00}", alert.Detail);
        Assert.Contains("Driver \"Qasim Zahoor Lodhi\"", alert.Detail);
        Assert.Equal(watchlist.Id, (await app.WithDb(db => Task.FromResult(db.Set<Jsms.Platform.Access.DerivedInput>().Single(d => d.DerivedId == alert.Id)))).Id);

        // The same file again stores nothing and raises nothing; another version with the entry unchanged rescreens but raises nothing new.
        Assert.True((await app.ImportUnAsync(UnXml(listed))).Unchanged);
        var next = await app.ImportUnAsync(UnXml(listed, new Listed("9100002", "Someone Else Entirely", "1960-01-01")));
        Assert.False(next.Unchanged);
        Assert.Single(await app.AlertsAboutAsync(driver.Name));
        Assert.Equal(1, Assert.Single(await pk.MatchesOfAsync(driver.Id)).Alerts);
    }

    [Fact]
    public async Task A_false_positive_stays_quiet_until_the_list_entry_changes_then_alerts_again()
    {
        using var pk = await app.LoginAs("pk.coordinator");
        var watchlist = await pk.CreateWatchlistAsync("Contractors, false positive test");
        var subject = await pk.AddSubjectAsync(watchlist.Id, "Rahim Gul Barakzai", "contractor", "1982-07-14");
        var listed = new Listed("9200001", "Rahim Gul Barakzai", "1982-07-14", "Listed in 2020.");
        await app.ImportUnAsync(UnXml(listed));
        var match = Assert.Single(await pk.MatchesOfAsync(subject.Id));
        Assert.Single(await app.AlertsAboutAsync(subject.Name));

        var reviewed = await (await pk.Post($"/api/screening/watchlists/matches/{match.Id}/review",
            new { decision = "falsePositive", reason = "Our contractor's father is named Sher Gul; checked with NADRA." })).Read<MatchDto>();
        Assert.Equal("FalsePositive", reviewed.Status);
        Assert.Equal("pk.coordinator", reviewed.ReviewedBy);

        // Another version, the entry unchanged: quiet.
        await app.ImportUnAsync(UnXml(listed, new Listed("9200002", "Unrelated Person Name", "1961-02-02")));
        Assert.Single(await app.AlertsAboutAsync(subject.Name));
        Assert.Equal("FalsePositive", Assert.Single(await pk.MatchesOfAsync(subject.Id)).Status);

        // The entry changes: the match is open again and alerts, saying why.
        await app.ImportUnAsync(UnXml(listed with { Comment = "Listed in 2020. Reported in Quetta in 2026." }));
        var alerts = await app.AlertsAboutAsync(subject.Name);
        Assert.Equal(2, alerts.Count);
        Assert.Contains("the list entry changed", alerts[1].Detail);
        var reopened = Assert.Single(await pk.MatchesOfAsync(subject.Id));
        Assert.Equal(("Open", 2), (reopened.Status, reopened.Alerts));
    }

    [Fact]
    public async Task A_false_positive_reopens_when_the_subject_changes()
    {
        using var pk = await app.LoginAs("pk.coordinator");
        var watchlist = await pk.CreateWatchlistAsync("Local staff, subject change test");
        var subject = await pk.AddSubjectAsync(watchlist.Id, "Gul Mohammad Achakzai Khan", "localStaff", "1975-03-03");
        await app.ImportUnAsync(UnXml(new Listed("9300001", "Gul Mohammad Achakzai Khan", "1975-03-03")));
        var match = Assert.Single(await pk.MatchesOfAsync(subject.Id));
        (await pk.Post($"/api/screening/watchlists/matches/{match.Id}/review", new { decision = "falsePositive", reason = "Different village." }))
            .EnsureSuccessStatusCode();

        var changed = await pk.Put($"/api/screening/watchlists/subjects/{subject.Id}",
            new { name = subject.Name, category = "localStaff", type = "person", birthDate = "1975", nationality = "PK" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        Assert.Equal(2, (await app.AlertsAboutAsync(subject.Name)).Count);
        Assert.Contains("the subject changed", (await app.AlertsAboutAsync(subject.Name))[1].Detail);
        Assert.Equal("Open", Assert.Single(await pk.MatchesOfAsync(subject.Id)).Status);
    }

    [Fact]
    public async Task A_subject_of_another_agency_is_not_found_and_its_matches_and_alerts_are_not_shown()
    {
        using var pk = await app.LoginAs("pk.coordinator");
        var watchlist = await pk.CreateWatchlistAsync("Pakistan only, access test", "AMBER");
        var subject = await pk.AddSubjectAsync(watchlist.Id, "Sher Afzal Marwat Durrani", birthDate: "1969-09-09");
        await app.ImportUnAsync(UnXml(new Listed("9400001", "Sher Afzal Marwat Durrani", "1969-09-09")));
        var match = Assert.Single(await pk.MatchesOfAsync(subject.Id));

        using var cn = await app.LoginAs("cn.coordinator");
        Assert.Equal(HttpStatusCode.NotFound, (await cn.GetAsync($"/api/screening/watchlists/{watchlist.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cn.GetAsync($"/api/screening/watchlists/{watchlist.Id}/subjects")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cn.GetAsync($"/api/screening/watchlists/subjects/{subject.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cn.GetAsync($"/api/screening/watchlists/matches/{match.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cn.Post($"/api/screening/watchlists/matches/{match.Id}/review",
            new { decision = "confirmed", reason = "trying" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cn.Put($"/api/screening/watchlists/subjects/{subject.Id}", new { name = "Renamed" })).StatusCode);
        Assert.DoesNotContain(await cn.GetAs<List<WatchlistDto>>("/api/screening/watchlists"), w => w.Id == watchlist.Id);
        Assert.DoesNotContain(await cn.GetAs<List<MatchDto>>("/api/screening/watchlists/matches?status=open"), m => m.Id == match.Id);
        var cnAlerts = await cn.GetAs<JsonElement>($"/api/alerts?kind={WatchlistRescreener.AlertKind}&limit=500");
        Assert.DoesNotContain(cnAlerts.EnumerateArray(), a => a.GetProperty("title").GetString()!.Contains(subject.Name, StringComparison.Ordinal));

        var pkAlerts = await pk.GetAs<JsonElement>($"/api/alerts?kind={WatchlistRescreener.AlertKind}&limit=500");
        Assert.Contains(pkAlerts.EnumerateArray(), a => a.GetProperty("title").GetString()!.Contains(subject.Name, StringComparison.Ordinal));
        Assert.Contains(await pk.GetAs<List<MatchDto>>("/api/screening/watchlists/matches?status=open"), m => m.Id == match.Id);
    }

    [Fact]
    public async Task A_review_needs_a_decision_and_a_reason()
    {
        using var pk = await app.LoginAs("pk.coordinator");
        var watchlist = await pk.CreateWatchlistAsync("Review validation test");
        var subject = await pk.AddSubjectAsync(watchlist.Id, "Haji Bakht Zaman Afridi", birthDate: "1966-06-06");
        await app.ImportUnAsync(UnXml(new Listed("9500001", "Haji Bakht Zaman Afridi", "1966-06-06")));
        var match = Assert.Single(await pk.MatchesOfAsync(subject.Id));

        var errors = await (await pk.Post($"/api/screening/watchlists/matches/{match.Id}/review", new { decision = "maybe" })).ValidationErrors();
        Assert.Equal(["decision", "reason"], errors.Keys.Order());
        Assert.Equal("Open", Assert.Single(await pk.MatchesOfAsync(subject.Id)).Status);
    }

    [Fact]
    public async Task An_uploaded_customer_list_with_a_bad_row_names_the_line_and_stores_nothing()
    {
        using var pk = await app.LoginAs("pk.coordinator");
        var watchlist = await pk.CreateWatchlistAsync("FIU customers, upload test");
        var csv = "name,aliases,birthDate,nationality,type,identifiers\n"
                  + "Karachi Textile Traders,,,PK,entity,REG-1001\n"
                  + "Aamir Sohail Qureshi,A. S. Qureshi,1980-13-40,PK,person,\n"
                  + "Bilal Ahmed Siddiqui,,1984,Narnia,person,\n";
        var refused = await PostCsv(pk, watchlist.Id, csv);
        var errors = await refused.ValidationErrors();
        Assert.Contains(errors["file"], e => e.StartsWith("line 3:", StringComparison.Ordinal) && e.Contains("1980-13-40", StringComparison.Ordinal));
        Assert.Contains(errors["file"], e => e.StartsWith("line 4:", StringComparison.Ordinal) && e.Contains("Narnia", StringComparison.Ordinal));
        Assert.Equal(0, (await pk.GetAs<WatchlistDto>($"/api/screening/watchlists/{watchlist.Id}")).Subjects);

        var accepted = await (await PostCsv(pk, watchlist.Id, "name,birthDate,type\nKarachi Textile Traders,,entity\nAamir Sohail Qureshi,1980,person\n"))
            .Read<UploadOutcomeDto>();
        Assert.Equal(2, accepted.Added);
        var subjects = await pk.GetAs<List<SubjectDto>>($"/api/screening/watchlists/{watchlist.Id}/subjects");
        Assert.All(subjects, s => Assert.Equal("Customer", s.Category));
    }

    private static async Task<HttpResponseMessage> PostCsv(HttpClient client, Guid watchlistId, string csv)
    {
        using var form = new MultipartFormDataContent { { new StringContent(csv), "file", "customers.csv" } };
        return await client.PostAsync($"/api/screening/watchlists/{watchlistId}/upload", form);
    }
}
