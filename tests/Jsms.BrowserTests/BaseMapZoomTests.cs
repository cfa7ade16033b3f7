using System.Text.RegularExpressions;
using Jsms.BrowserTests.Infrastructure;
using Jsms.Features.Map;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jsms.BrowserTests;

/// <summary>
/// Zoomed in past the demo base map's deepest tiles of an area, the map over-zooms them: every tile asked for exists
/// (no empty sea where the region's tiles stop at zoom 10) and the view is drawn.
/// </summary>
public sealed class BaseMapZoomTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task An_alert_map_at_street_zoom_outside_the_detailed_city_asks_only_for_tiles_the_file_has()
    {
        await DemoBaseMapBuilder.EnsureBuiltAsync(NullLogger.Instance, CancellationToken.None);
        var page = await browser.LoginAs("pk.coordinator");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { ReducedMotion = ReducedMotion.Reduce });
        var tiles = new List<IResponse>();
        page.Response += (_, response) =>
        {
            if (response.Url.Contains("/map/tiles/", StringComparison.Ordinal)) { lock (tiles) { tiles.Add(response); } }
        };
        await page.GotoAsync("/Alerts");
        // The demo's deployment alert is near Islamabad: in the region (tiles to zoom 10), not in the Karachi detail.
        await page.GetByTestId("alert-open").First.ClickAsync();
        var map = page.GetByTestId("alert-map");
        await Expect(map).ToHaveAttributeAsync("data-basemap-tiles", new Regex("^[1-9]"));
        await Expect(map).ToHaveAttributeAsync("data-map-idle", "true");
        await Expect(map).ToHaveAttributeAsync("data-basemap-ready", "true");
        IResponse[] answered;
        lock (tiles) { answered = [.. tiles]; }
        Assert.NotEmpty(answered);
        Assert.All(answered, r => Assert.True(r.Status == 200, $"{r.Url}: {r.Status}"));
        Assert.All(answered, r => Assert.True(TileZoom(r.Url) <= BaseMapBuilder.RegionMaxZoom, r.Url));
        await BrowserApp.ScreenshotAsync(page, "basemap-alert-street-zoom", fullPage: false);
    }

    [Fact]
    public async Task The_operating_picture_zoomed_past_city_scale_in_Karachi_is_drawn_from_the_citys_deepest_tiles()
    {
        await DemoBaseMapBuilder.EnsureBuiltAsync(NullLogger.Instance, CancellationToken.None);
        var page = await browser.LoginAs("pk.coordinator");
        await page.SetViewportSizeAsync(1280, 800);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { ReducedMotion = ReducedMotion.Reduce });
        var tiles = new List<IResponse>();
        page.Response += (_, response) =>
        {
            if (response.Url.Contains("/map/tiles/", StringComparison.Ordinal)) { lock (tiles) { tiles.Add(response); } }
        };
        await page.GotoAsync("/Tracking/Map");
        var map = page.Locator("#tracking-map");
        await Expect(map).ToHaveAttributeAsync("data-sites-loaded", new Regex("^[1-9]"));
        await Expect(map).ToHaveAttributeAsync("data-map-idle", "true");
        for (var i = 0; i < 2; i++)
        {
            await map.Locator(".leaflet-control-zoom-in").ClickAsync();
        }
        await Expect(map).ToHaveAttributeAsync("data-map-idle", "true");
        await Expect(map).ToHaveAttributeAsync("data-basemap-ready", "true");
        IResponse[] answered;
        lock (tiles) { answered = [.. tiles]; }
        Assert.All(answered, r => Assert.True(r.Status == 200, $"{r.Url}: {r.Status}"));
        Assert.Contains(answered, r => TileZoom(r.Url) == BaseMapBuilder.MaxZoom);
        await BrowserApp.ScreenshotAsync(page, "basemap-karachi-zoom-13", fullPage: false);
    }

    private static int TileZoom(string url)
    {
        var match = Regex.Match(url, "/map/tiles/(\\d+)/");
        return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : -1;
    }
}
