using System.Globalization;
using System.Text;
using Jsms.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jsms.BrowserTests;

/// <summary>Uploading a track in the browser: the labelled file input, the preview of points on the base map, then storing.</summary>
public sealed class TrackImportPageTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_csv_track_is_chosen_previewed_on_the_map_and_stored()
    {
        var page = await browser.LoginAs("pk.coordinator");
        await page.GotoAsync("/Tracking/ImportTrack");
        var csv = new StringBuilder("deviceId,time,lat,lon,speed\n");
        for (var i = 0; i < 5; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"demo-convoy-lead,2026-03-10T05:{i:00}:00Z,{24.88 + i * 0.004},{67.12 + i * 0.004},9\n");
        }

        await page.GetByLabel("Track file (GPX or CSV)").SetInputFilesAsync(new FilePayload
        {
            Name = "convoy.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv.ToString()),
        });
        await page.Locator("[data-testid=import-preview]").ClickAsync();

        await Expect(page.Locator("[data-testid=import-summary]")).ToContainTextAsync("5 points");
        await Expect(page.Locator("[data-testid=import-point]")).ToHaveCountAsync(5);
        await Expect(page.Locator("[data-testid=import-map]")).ToHaveAttributeAsync("data-points-shown", "5");
        await BrowserApp.ScreenshotAsync(page, "track-import-preview");

        await page.Locator("[data-testid=import-store]").ClickAsync();
        await Expect(page.Locator("[data-testid=import-stored]")).ToHaveAttributeAsync("data-accepted", "5");
    }

    [Fact]
    public async Task A_file_with_a_bad_line_is_refused_naming_the_line()
    {
        var page = await browser.LoginAs("pk.coordinator");
        await page.GotoAsync("/Tracking/ImportTrack");
        await page.GetByLabel("Track file (GPX or CSV)").SetInputFilesAsync(new FilePayload
        {
            Name = "bad.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes("deviceId,time,lat,lon\ndemo-convoy-lead,2026-03-10T05:00:00Z,north,67.1\n"),
        });
        await page.Locator("[data-testid=import-preview]").ClickAsync();

        await Expect(page.Locator("[data-field='line 2']")).ToContainTextAsync("lat");
        await Expect(page.Locator("[data-testid=import-store]")).ToHaveCountAsync(0);
    }
}
