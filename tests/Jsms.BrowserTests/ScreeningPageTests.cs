using System.Text;
using Jsms.BrowserTests.Infrastructure;
using Jsms.Features.Screening;
using Jsms.Features.Screening.Lists;
using Jsms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jsms.BrowserTests;

/// <summary>
/// /Screening in the browser: the real UN list uploaded through the import form, a listed name spelled
/// differently screened with its ranked match, score, explanation and marking, a CSV batch screened and downloaded.
/// </summary>
public sealed class ScreeningPageTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private static readonly SemaphoreSlim Once = new(1, 1);

    /// <summary>The demo imports no list: a coordinator uploads the real UN file through the page, once per app.</summary>
    private async Task EnsureUnListAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (await browser.App.WithDb(db => db.Set<ScreeningListVersion>().AnyAsync(v => v.Source == ListSource.UN)))
            {
                return;
            }
            var page = await browser.LoginAs("pk.coordinator");
            await page.GotoAsync("/Screening");
            var form = page.Locator("[data-testid=import-un]");
            await form.Locator("input[type=file]").SetInputFilesAsync(SharedData.PathOf("sanctions", "un-consolidated-2026-02-27.xml"));
            await form.Locator("button[type=submit]").ClickAsync();
            // Parsing, storing and indexing the real list takes seconds on two shared cores.
            await Expect(page.Locator("[data-testid=notice]")).ToContainTextAsync("UN version 1", new() { Timeout = 60_000 });
            await Expect(page.Locator("[data-testid=list-version]").First).ToContainTextAsync("UN");
        }
        finally
        {
            Once.Release();
        }
    }

    [Fact]
    public async Task A_listed_name_spelled_differently_is_ranked_first_with_its_score_explanation_and_marking()
    {
        await EnsureUnListAsync();
        var page = await browser.LoginAs("pk.analyst");
        await page.Locator("nav.sidenav").GetByRole(AriaRole.Link, new() { Name = "Screening" }).ClickAsync();
        Assert.Equal("/Screening", BrowserApp.PathOf(page));

        // The UN lists TARIQ AZIZ (IQi.025, born 1 July 1936, Iraq); the payment says "Tarek Aziz".
        await page.Locator("[data-testid=screen-name]").FillAsync("Tarek Aziz");
        await page.Locator("[data-testid=screen-birthdate]").FillAsync("1936-07-01");
        await page.Locator("[data-testid=screen-nationality]").FillAsync("IQ");
        await page.Locator("[data-testid=screen-type]").SelectOptionAsync("person");
        await page.Locator("[data-testid=screen-submit]").ClickAsync();

        var result = page.Locator("[data-testid=screening-result]");
        await Expect(result.Locator("[data-tlp]").First).ToHaveAttributeAsync("data-tlp", "AMBER+STRICT");
        var first = result.Locator("[data-testid=match]").First;
        await Expect(first).ToContainTextAsync("TARIQ AZIZ");
        await Expect(first).ToContainTextAsync("IQi.025");
        await Expect(first.Locator("[data-testid=score]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^(0\\.[89]\\d|1\\.00)$"));
        var explanation = first.Locator("[data-testid=explanation]");
        await Expect(explanation).ToContainTextAsync("\"Tarek Aziz\" matched the listed name \"TARIQ AZIZ\"");
        await Expect(explanation).ToContainTextAsync("tarek ~ tariq");
        await Expect(explanation).ToContainTextAsync("Birth date 1936-07-01 vs listed 1936-07-01");
        await Expect(explanation).ToContainTextAsync("Nationality IQ is among the listed nationalities");
        // The form keeps what was screened, so the officer sees the query beside its result.
        await Expect(page.Locator("[data-testid=screen-name]")).ToHaveValueAsync("Tarek Aziz");
        await BrowserApp.ScreenshotAsync(page, "screening-result");

        // The screening is kept: it shows among the recent ones with its marking.
        await page.GotoAsync("/Screening");
        await Expect(page.Locator("[data-testid=recent-screening]").Filter(new() { HasText = "Tarek Aziz" }).First).ToContainTextAsync("TLP:AMBER+STRICT");
    }

    [Fact]
    public async Task A_batch_of_payment_counterparties_is_screened_and_its_result_downloaded()
    {
        await EnsureUnListAsync();
        var page = await browser.LoginAs("pk.analyst");
        await page.GotoAsync("/Screening");
        var csv = "name,birthDate,nationality,type\r\nSaddam Hussein Al-Tikriti,1937,IQ,person\r\nJohanna Beispiel,,,person\r\nطارق عزيز,,,person\r\n";
        await page.Locator("[data-testid=batch-file]").SetInputFilesAsync(new FilePayload
        {
            Name = "payments.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(csv),
        });
        await page.Locator("[data-testid=batch-submit]").ClickAsync();

        var batch = page.Locator("[data-testid=batch-result]");
        await Expect(batch).ToContainTextAsync("payments.csv");
        await Expect(batch.Locator("[data-testid=batch-screened]")).ToHaveTextAsync("3");
        await Expect(batch.Locator("[data-testid=batch-hits]")).ToHaveTextAsync("2");
        await Expect(batch.Locator("[data-tlp]")).ToHaveAttributeAsync("data-tlp", "AMBER+STRICT");
        // The names that matched, each with its best match, on the page; the clean name is not among them.
        var hits = batch.Locator("[data-testid=batch-hit]");
        await Expect(hits).ToHaveCountAsync(2);
        await Expect(hits.Nth(0)).ToContainTextAsync("IQi.001");
        await Expect(hits.Nth(1)).ToContainTextAsync("طارق عزيز");
        await Expect(hits.Nth(1)).ToContainTextAsync("TARIQ AZIZ");
        await Expect(batch).Not.ToContainTextAsync("Johanna Beispiel");
        await BrowserApp.ScreenshotAsync(page, "screening-batch");

        var download = await page.RunAndWaitForDownloadAsync(() => batch.Locator("[data-testid=batch-download]").ClickAsync());
        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
        var path = await download.PathAsync();
        var lines = await File.ReadAllLinesAsync(path!);
        Assert.Contains(lines, l => l.Contains("Saddam Hussein Al-Tikriti", StringComparison.Ordinal) && l.Contains("IQi.001", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("طارق عزيز", StringComparison.Ordinal) && l.Contains("IQi.025", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Johanna Beispiel", StringComparison.Ordinal) && !l.Contains("UN", StringComparison.Ordinal));
    }
}
