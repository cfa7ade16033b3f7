using System.Text.RegularExpressions;
using Jsms.BrowserTests.Infrastructure;
using Jsms.Features.Demo;
using Jsms.Features.Map;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jsms.BrowserTests;

/// <summary>
/// The README's pictures (readme-*.png, 1280×800), taken from the demo as its coordinator sees it;
/// scripts/readme-screenshots.sh runs these and copies them to docs/screenshots/.
/// </summary>
[Trait("readme", "screenshots")]
public sealed class ReadmeScreenshotTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private async Task<IPage> CoordinatorAsync()
    {
        var page = await browser.LoginAs("pk.coordinator");
        await page.SetViewportSizeAsync(1280, 800);
        // The maps then zoom without animation, so a picture never catches one half-way (geo.js).
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { ReducedMotion = ReducedMotion.Reduce });
        return page;
    }

    /// <summary>No pan or zoom under way and every tile of the view drawn.</summary>
    private static async Task MapAtRestAsync(ILocator map)
    {
        await Expect(map).ToHaveAttributeAsync("data-map-idle", "true");
        await Expect(map).ToHaveAttributeAsync("data-basemap-ready", "true");
        await Expect(map.Locator(".leaflet-zoom-anim")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_operating_picture()
    {
        await DemoBaseMapBuilder.EnsureBuiltAsync(NullLogger.Instance, CancellationToken.None);
        var page = await CoordinatorAsync();
        await page.GotoAsync("/Tracking/Map");
        var map = page.Locator("#tracking-map");
        await Expect(map).ToHaveAttributeAsync("data-sites-loaded", new Regex("^[1-9]"));
        await Expect(map).ToHaveAttributeAsync("data-basemap-tiles", new Regex("^[1-9]"));
        // The demo's open alert is listed in the panel beside the map.
        await Expect(map).ToHaveAttributeAsync("data-alerts-visible", new Regex("^[1-9]"));
        await MapAtRestAsync(map);
        await BrowserApp.ScreenshotAsync(page, "readme-operating-picture", fullPage: false);
    }

    [Fact]
    public async Task An_alert()
    {
        await DemoBaseMapBuilder.EnsureBuiltAsync(NullLogger.Instance, CancellationToken.None);
        var page = await CoordinatorAsync();
        await page.GotoAsync("/Alerts");
        await page.GetByTestId("alert-open").First.ClickAsync();
        await Expect(page.GetByTestId("alert-detail")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("alert-map")).ToHaveAttributeAsync("data-outlines-loaded", "true");
        await Expect(page.GetByTestId("alert-map")).ToHaveAttributeAsync("data-basemap-tiles", new Regex("^[1-9]"));
        await MapAtRestAsync(page.GetByTestId("alert-map"));
        await BrowserApp.ScreenshotAsync(page, "readme-alert", fullPage: false);
    }

    [Fact]
    public async Task An_intelligence_entity()
    {
        var page = await CoordinatorAsync();
        await page.GotoAsync("/Intelligence/Object?id=" + Uri.EscapeDataString(DemoIntelligence.ThreatActor));
        await Expect(page.GetByTestId("stix-type")).ToHaveTextAsync("threat-actor");
        var graph = page.GetByTestId("stix-graph");
        if (await graph.CountAsync() > 0)
        {
            await Expect(graph).ToHaveAttributeAsync("data-ready", "true");
        }
        await BrowserApp.ScreenshotAsync(page, "readme-entity", fullPage: false);
    }

    [Fact]
    public async Task The_dashboard()
    {
        var page = await CoordinatorAsync();
        await Expect(page.GetByTestId("dashboard-alerts")).ToBeVisibleAsync();
        await Expect(page.Locator("nav[data-counts-loaded=true]")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "readme-dashboard", fullPage: false);
    }
}
