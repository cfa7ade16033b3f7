using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Jsms.BrowserTests.Infrastructure;
using Jsms.Features.Demo;
using Jsms.Features.Map;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jsms.BrowserTests;

/// <summary>
/// The operating picture on the demo base map: the Karachi airport site on land with the city named (vector tiles
/// answered by JSMS), the legend, layer control and scale bar; an alert in the panel zooms to its place and leads to
/// the alert; the perimeter editor draws on the same base map; a phone gets the map full width.
/// </summary>
public sealed class OperatingPictureTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_demo_site_is_drawn_on_the_base_map_with_the_city_named_and_an_alert_zooms_and_links()
    {
        // The build makes the demo base map; if this output lacks it, the same builder makes it once here.
        await DemoBaseMapBuilder.EnsureBuiltAsync(NullLogger.Instance, CancellationToken.None);
        var app = browser.App;
        var page = await browser.LoginAs("pk.coordinator");
        var tiles = new List<IResponse>();
        page.Response += (_, response) =>
        {
            if (response.Url.Contains("/map/tiles/", StringComparison.Ordinal)) { lock (tiles) { tiles.Add(response); } }
        };
        await page.GotoAsync("/Tracking/Map");
        var map = page.Locator("#tracking-map");
        await Expect(map).ToHaveAttributeAsync("data-basemap", "vector");
        await Expect(map).ToHaveAttributeAsync("data-sites-loaded", "1");
        await Expect(map.Locator($"path.site-perimeter[data-site='{DemoTracking.AirportSiteName}']")).ToBeVisibleAsync();
        await Expect(map).ToHaveAttributeAsync("data-basemap-tiles", new Regex("^[1-9]"));
        await Expect(page.Locator("[data-testid=map-legend]")).ToContainTextAsync("Site perimeter");
        await Expect(map.Locator(".leaflet-control-scale-line").First).ToBeVisibleAsync();
        await Expect(map.Locator(".leaflet-control-attribution")).ToContainTextAsync("OpenStreetMap");
        await Expect(map.Locator(".leaflet-control-layers")).ToHaveCountAsync(1);
        // The panel has a sentence for when no alert is listed (the demo's deployment alert is listed, so it is hidden now).
        await Expect(page.Locator("[data-testid=tracking-alerts-empty]")).ToHaveTextAsync(new Regex("^No open alert"));

        // The tiles came from JSMS, and the ones around the airport carry the city's name.
        IResponse[] answered;
        lock (tiles) { answered = [.. tiles]; }
        Assert.NotEmpty(answered);
        Assert.All(answered, r => Assert.True(r.Status is 200 or 404, $"{r.Url}: {r.Status}"));
        var bodies = new List<string>();
        foreach (var response in answered.Where(r => r.Status == 200))
        {
            bodies.Add(Encoding.UTF8.GetString(await response.BodyAsync()));
        }
        Assert.Contains(bodies, b => b.Contains("Karachi", StringComparison.Ordinal));
        await Expect(map).ToHaveAttributeAsync("data-basemap-ready", "true");
        await BrowserApp.ScreenshotAsync(page, "operating-picture");

        // A loitering truck raises an alert; its panel entry zooms to its place and opens it.
        using var camera = await app.LoginAs("pk.analyst");
        var t0 = app.Clock.GetUtcNow();
        for (var i = 0; i <= 8; i++)
        {
            var at = t0.AddMinutes(i * 4);
            app.Clock.Set(at);
            (await camera.PostAsJsonAsync("/api/tracking/sightings",
                new[] { new { sensorId = i % 2 == 0 ? "KHI-ANPR-01" : "KHI-ANPR-02", subject = "KHI-7788", time = at.UtcDateTime } })).EnsureSuccessStatusCode();
        }
        var item = page.Locator("#tracking-alerts li[data-alert-kind=loitering]").First;
        await Expect(item).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=tracking-alerts-empty]")).ToBeHiddenAsync();
        var id = await item.GetAttributeAsync("data-alert-id");
        await item.Locator("button.alert-zoom").ClickAsync();
        await Expect(map).ToHaveAttributeAsync("data-focused-alert", id!);
        var open = map.Locator("[data-testid=alert-popup-open]");
        await Expect(open).ToBeVisibleAsync();
        var href = await item.Locator("a.alert-open").GetAttributeAsync("href");
        Assert.Matches($"^/Alerts(/Detail/{id})?$", href);
        Assert.Equal(href, await open.GetAttributeAsync("href"));
        await BrowserApp.ScreenshotAsync(page, "operating-picture-alert");
        await item.Locator("a.alert-open").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == href);

        // A phone: the map takes the full width and most of the height.
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/Tracking/Map");
        var box = await page.Locator("#tracking-map").BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Width >= 330 && box.Height >= 0.6 * 844, $"{box.Width} x {box.Height}");
    }

    [Fact]
    public async Task The_perimeter_editor_draws_on_the_same_base_map()
    {
        await DemoBaseMapBuilder.EnsureBuiltAsync(NullLogger.Instance, CancellationToken.None);
        var page = await browser.LoginAs("pk.coordinator");
        await page.GotoAsync("/Protection/Sites");
        await page.GetByText(DemoTracking.AirportSiteName).First.ClickAsync();
        var editor = page.Locator("[data-testid=site-map]");
        await Expect(editor).ToHaveAttributeAsync("data-basemap", "vector");
        await Expect(editor).ToHaveAttributeAsync("data-basemap-tiles", new Regex("^[1-9]"));
        await Expect(editor.Locator("path.edited-shape")).ToHaveCountAsync(1);
        await Expect(editor).ToHaveAttributeAsync("data-basemap-ready", "true");
        await BrowserApp.ScreenshotAsync(page, "perimeter-editor");
    }
}
