using System.Net.Http.Headers;
using System.Text;
using Jsms.BrowserTests.Infrastructure;
using Jsms.Features.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jsms.BrowserTests;

/// <summary>
/// Continuous screening in the browser: a UN import finds the demo's convoy driver whose name is a spelling of a listed
/// person; the coordinator opens the watchlist from the menu, sees the open match with its score and explanation, and
/// marks it a false positive with a reason. The national lists page: two lists side by side, and the background rescreen
/// of each import.
/// </summary>
public sealed class WatchlistReviewPageTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_coordinator_reviews_a_watchlist_match_as_a_false_positive_with_a_reason()
    {
        await ImportUnAsync();
        var page = await browser.LoginAs("pk.coordinator");
        await page.Locator("nav.sidenav").GetByRole(AriaRole.Link, new() { Name = "Watchlists", Exact = true }).ClickAsync();
        Assert.Equal("/Screening/Watchlists", BrowserApp.PathOf(page));
        var row = page.Locator("[data-testid=watchlist-row]").Filter(new() { HasText = DemoWatchlists.WatchlistName });
        await Expect(row).ToContainTextAsync("5");
        await row.GetByRole(AriaRole.Link, new() { Name = "1", Exact = true }).ClickAsync();

        var match = page.Locator("[data-testid=match]").Filter(new() { HasText = DemoWatchlists.MatchingDriver });
        await Expect(match.Locator("[data-testid=match-entry]")).ToHaveTextAsync("ABDUL HAKIM MURAD");
        await Expect(match.Locator("[data-testid=match-status]")).ToHaveTextAsync("Open");
        await Expect(match.Locator("[data-testid=match-reasons] li").First).ToBeVisibleAsync();
        var score = double.Parse(await match.Locator("[data-testid=match-score]").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(score, 0.8, 1.0);
        await BrowserApp.ScreenshotAsync(page, "watchlist-match-to-review");

        await match.Locator("[data-testid=review-decision]").SelectOptionAsync("falsePositive");
        await match.Locator("[data-testid=review-reason]").FillAsync("Our driver was born in Swat and holds CNIC 15602; the listed man is from Balochistan.");
        await match.Locator("[data-testid=review-submit]").ClickAsync();
        await Expect(page.Locator("[data-testid=notice]")).ToContainTextAsync("false positive");
        await Expect(page.Locator("[data-testid=match]").Filter(new() { HasText = DemoWatchlists.MatchingDriver })).ToHaveCountAsync(0);

        await page.Locator("[data-testid=status-filter]").GetByRole(AriaRole.Link, new() { Name = "False positive" }).ClickAsync();
        var reviewed = page.Locator("[data-testid=match]").Filter(new() { HasText = DemoWatchlists.MatchingDriver });
        await Expect(reviewed.Locator("[data-testid=match-status]")).ToHaveTextAsync("False positive");
        await Expect(reviewed).ToContainTextAsync("by pk.coordinator");
        await Expect(reviewed).ToContainTextAsync("born in Swat");
        await BrowserApp.ScreenshotAsync(page, "watchlist-match-false-positive");
    }

    [Fact]
    public async Task The_national_lists_page_loads_a_second_list_and_shows_the_background_rescreen_of_each_import()
    {
        var page = await browser.LoginAs("admin");
        await page.GotoAsync("/Screening/Lists/National");
        const string header = "Ref,Name,Date of birth,Nationality,Grounds\n";
        await ImportNationalAsync(page, "Proscribed persons schedule (browser)", "schedule.csv",
            header + "S-1,Mullah Abdul Ghani Achakzai,1961,PK,Proscribed organisation\n");
        await ImportNationalAsync(page, "Counter-terrorism financing list (browser)", "financing.csv",
            header + "F-1,Haji Khairullah Barakzai,1965,AF,Financing\n");
        await browser.App.Service<Jsms.Features.Screening.Watchlists.RescreenQueue>().WhenIdleAsync();

        await page.ReloadAsync();
        var lists = page.Locator("[data-testid=national-list-row]");
        await Expect(lists.Filter(new() { HasText = "Proscribed persons schedule (browser)" })).ToContainTextAsync("version 1");
        await Expect(lists.Filter(new() { HasText = "Counter-terrorism financing list (browser)" })).ToContainTextAsync("version 1");
        var runs = page.Locator("[data-testid=rescreen-run]");
        await Expect(runs.Filter(new() { HasText = "Counter-terrorism financing list (browser)" }).Locator("[data-testid=rescreen-status]")).ToHaveTextAsync("Succeeded");
        await Expect(runs.Filter(new() { HasText = "Proscribed persons schedule (browser)" })).ToHaveCountAsync(1);
        // The list picker offers both lists' next versions.
        await Expect(page.Locator("[data-testid=national-list] option").Filter(new() { HasText = "Counter-terrorism financing list (browser) (next: version 2)" })).ToHaveCountAsync(1);
        await BrowserApp.ScreenshotAsync(page, "national-lists-and-rescreens");

        await page.GotoAsync("/Screening/Watchlists");
        await Expect(page.Locator("[data-testid=rescreen-runs]")).ToContainTextAsync("Counter-terrorism financing list (browser)");
    }

    /// <summary>Picks "New list…", names it, uploads the CSV, waits for the suggested mapping's preview and imports.</summary>
    private static async Task ImportNationalAsync(IPage page, string listName, string fileName, string csv)
    {
        await page.Locator("[data-testid=national-list]").SelectOptionAsync(new SelectOptionValue { Value = "" });
        await page.Locator("[data-testid=national-name]").FillAsync(listName);
        await page.Locator("[data-testid=national-file]").SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await Expect(page.Locator("[data-testid=preview-table]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=national-import]")).ToBeEnabledAsync();
        await page.Locator("[data-testid=national-import]").ClickAsync();
        await Expect(page.Locator("[data-testid=national-result]")).ToContainTextAsync($"\"{listName}\" version 1");
        await page.ReloadAsync();
    }

    /// <summary>A small UN list with the entry the demo driver's name spells differently, and others so the word statistics look like a list's.</summary>
    private async Task ImportUnAsync()
    {
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><CONSOLIDATED_LIST dateGenerated=\"2026-03-01T00:00:00.000Z\"><INDIVIDUALS>");
        string[] first = ["MOHAMMED", "AHMAD", "HASSAN", "YUSUF", "IBRAHIM", "OMAR", "KHALID", "TARIQ"];
        string[] last = ["HAQQANI", "DURRANI", "YOUSAFZAI", "KAKAR", "BALOCH", "AFRIDI", "MENGAL", "BUGTI"];
        var people = new List<(string Id, string First, string Second, string Third, string Born)> { ("113313", "ABDUL", "HAKIM", "MURAD", "1968-04-11") };
        people.AddRange(Enumerable.Range(0, 40).Select(i => ($"77{i:0000}", first[i % 8], "RAUF", last[(i * 3) % 8], $"{1950 + i}-02-02")));
        foreach (var (id, a, b, c, born) in people)
        {
            sb.Append($"<INDIVIDUAL><DATAID>{id}</DATAID><FIRST_NAME>{a}</FIRST_NAME><SECOND_NAME>{b}</SECOND_NAME><THIRD_NAME>{c}</THIRD_NAME>")
                .Append($"<UN_LIST_TYPE>Al-Qaida</UN_LIST_TYPE><REFERENCE_NUMBER>QDi.{id[^3..]}</REFERENCE_NUMBER><NATIONALITY><VALUE>Pakistan</VALUE></NATIONALITY>")
                .Append($"<INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><DATE>{born}</DATE></INDIVIDUAL_DATE_OF_BIRTH></INDIVIDUAL>");
        }
        sb.Append("</INDIVIDUALS><ENTITIES></ENTITIES></CONSOLIDATED_LIST>");
        using var admin = await browser.App.LoginAs("admin");
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(sb.ToString()));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        form.Add(content, "file", "un-small.xml");
        (await admin.PostAsync("/api/screening/lists/un", form)).EnsureSuccessStatusCode();
        // The import answers before its rescreen: wait for the rescreen to have run.
        await browser.App.Service<Jsms.Features.Screening.Watchlists.RescreenQueue>().WhenIdleAsync();
    }
}
