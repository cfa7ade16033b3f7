using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jsms.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jsms.BrowserTests;

/// <summary>
/// The monthly security report as an analyst opens it: the headline figures the statistics API gives, the 24-month chart
/// drawn, the month's incidents on the map; and the incidents on the operating picture.
/// </summary>
public sealed class IncidentReportPageTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_monthly_report_shows_the_headline_figures_the_chart_and_the_month_s_incidents_on_the_map()
    {
        // A month of the demo's generated attacks (the two years before the demo clock).
        using var analyst = await browser.App.LoginAs("pk.analyst");
        var statistics = await JsonAsync(analyst, "/api/incidents/statistics?from=2025-06-01&to=2025-06-30&by=month");
        var month = statistics.GetProperty("rows")[0];
        var (attacks, killed, injured) = (month.GetProperty("attacks").GetInt32(), month.GetProperty("killed").GetInt32(), month.GetProperty("injured").GetInt32());
        Assert.True(attacks > 0, "the demo has attacks in June 2025");

        var page = await browser.LoginAs("pk.analyst");
        await page.GotoAsync("/Incidents/Report?month=2025-06");
        await Expect(page.GetByTestId("incident-report")).ToContainTextAsync("June 2025");
        await Expect(page.Locator("[data-testid=headline-attacks] .value")).ToHaveTextAsync(attacks.ToString(CultureInfo.InvariantCulture));
        await Expect(page.Locator("[data-testid=headline-killed] .value")).ToHaveTextAsync(killed.ToString(CultureInfo.InvariantCulture));
        await Expect(page.Locator("[data-testid=headline-injured] .value")).ToHaveTextAsync(injured.ToString(CultureInfo.InvariantCulture));
        await Expect(page.GetByTestId("report-sentence")).ToContainTextAsync(string.Create(CultureInfo.InvariantCulture, $"in at least {attacks} attacks"));

        var canvas = page.Locator("#incident-trend");
        await Expect(canvas).ToHaveAttributeAsync("data-drawn", "true");
        var drawn = await canvas.EvaluateAsync<JsonElement>("c => ({ width: c.width, height: c.height, chart: typeof Chart !== 'undefined' && !!Chart.getChart(c) })");
        Assert.True(drawn.GetProperty("width").GetInt32() > 0 && drawn.GetProperty("height").GetInt32() > 0, $"canvas size {drawn}");
        Assert.True(drawn.GetProperty("chart").GetBoolean(), "a Chart.js chart on the canvas");

        var map = page.GetByTestId("report-map");
        await Expect(map).ToHaveAttributeAsync("data-markers", new Regex("^[1-9][0-9]*$"));
        var markers = int.Parse((await map.GetAttributeAsync("data-markers"))!, CultureInfo.InvariantCulture);
        Assert.True(markers >= 1);
        await Expect(map.Locator("path.incident-marker").First).ToBeAttachedAsync();
        await BrowserApp.ScreenshotAsync(page, "incident-report");
    }

    [Fact]
    public async Task The_operating_picture_draws_the_incidents_of_the_last_30_days()
    {
        var app = browser.App;
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        using var analyst = await app.LoginAs("pk.analyst");
        var recent = await JsonAsync(analyst, string.Create(CultureInfo.InvariantCulture, $"/api/incidents/map?from={today.AddDays(-30):yyyy-MM-dd}&to={today:yyyy-MM-dd}"));
        var count = recent.GetProperty("features").GetArrayLength();
        Assert.True(count > 0, "the demo has incidents in the 30 days before its clock");

        var page = await browser.LoginAs("pk.analyst");
        // The page asks for the last 30 days by the browser's clock: it is set to the server's (test) clock.
        await page.Clock.SetFixedTimeAsync(app.Clock.GetUtcNow().UtcDateTime);
        await page.GotoAsync("/Tracking/Map");
        var element = page.Locator("#tracking-map");
        var toggle = page.Locator(".leaflet-control-layers-overlays").GetByRole(AriaRole.Checkbox, new() { Name = "Incidents", Exact = true });
        if (!await toggle.IsCheckedAsync())
        {
            await page.Locator(".leaflet-control-layers").HoverAsync();
            await toggle.CheckAsync();
        }
        await Expect(element).ToHaveAttributeAsync("data-incidents", count.ToString(CultureInfo.InvariantCulture));
        // The layer's GeoJSON style gives point markers the class of shapes (incident-shape) too: either is an incident drawn.
        Assert.True(await element.Locator("path.incident-marker, path.incident-shape").CountAsync() >= 1);
        await BrowserApp.ScreenshotAsync(page, "incident-operating-picture");
    }

    private static async Task<JsonElement> JsonAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
