using System.Net.Http.Json;
using Jsms.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jsms.BrowserTests;

/// <summary>The operating picture shows the airport site and, live, the loitering alert of the Karachi case.</summary>
public sealed class TrackingMapTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_map_shows_the_site_and_the_loitering_alert_as_it_happens()
    {
        var page = await browser.LoginAs("pk.coordinator");
        await page.GotoAsync("/Tracking/Map");
        var map = page.Locator("#tracking-map");
        await Expect(map).ToHaveAttributeAsync("data-sites-loaded", "1");
        await Expect(map).ToHaveAttributeAsync("data-stream-ready", "true");
        await Expect(map.Locator("path.leaflet-interactive").First).ToBeVisibleAsync();

        // A truck sighted by the perimeter cameras every four minutes for 32 minutes.
        var app = browser.App;
        using var camera = await app.LoginAs("pk.analyst");
        var t0 = app.Clock.GetUtcNow();
        for (var i = 0; i <= 8; i++)
        {
            var at = t0.AddMinutes(i * 4);
            app.Clock.Set(at);
            var response = await camera.PostAsJsonAsync("/api/tracking/sightings",
                new[] { new { sensorId = i % 2 == 0 ? "KHI-ANPR-01" : "KHI-ANPR-02", subject = "KHI-4521", time = at.UtcDateTime } });
            response.EnsureSuccessStatusCode();
        }

        await Expect(page.Locator("#tracking-alerts li[data-alert-kind=loitering]")).ToHaveCountAsync(1);
        await Expect(map.Locator(".alert-marker").First).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "tracking-map-loitering");
    }
}
