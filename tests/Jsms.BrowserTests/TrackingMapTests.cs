using System.Net.Http.Json;
using Jsms.BrowserTests.Infrastructure;
using Jsms.Features.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jsms.BrowserTests;

/// <summary>
/// The operating picture shows the airport site with its watch zone, the convoy's vehicle and movement, and, live,
/// the loitering alert of the Karachi case; the filters narrow what is shown.
/// </summary>
public sealed class TrackingMapTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_map_shows_the_site_and_the_loitering_alert_as_it_happens()
    {
        var app = browser.App;
        using var camera = await app.LoginAs("pk.analyst");
        // The convoy's lead vehicle reports where it is.
        (await camera.PostAsJsonAsync("/api/tracking/positions",
            new[] { new { deviceId = "demo-convoy-lead", time = app.Clock.GetUtcNow().UtcDateTime, latitude = 24.9065, longitude = 67.1608, speed = 6.2 } }))
            .EnsureSuccessStatusCode();

        var page = await browser.LoginAs("pk.coordinator");
        await page.GotoAsync("/Tracking/Map");
        var map = page.Locator("#tracking-map");
        await Expect(map).ToHaveAttributeAsync("data-sites-loaded", "1");
        await Expect(map).ToHaveAttributeAsync("data-stream-ready", "true");
        await Expect(map).ToHaveAttributeAsync("data-outlines-loaded", "true");
        await Expect(map.Locator($"path.site-perimeter[data-site='{DemoTracking.AirportSiteName}']")).ToBeVisibleAsync();
        await Expect(map.Locator("path.watch-buffer")).ToHaveCountAsync(1);
        // The vehicle, and the need-to-know movement its owner's coordinator may see, with its corridor.
        await Expect(map.Locator("path.vehicle-marker[data-device=demo-convoy-lead]")).ToBeVisibleAsync();
        await Expect(map).ToHaveAttributeAsync("data-movements-shown", "1");
        await Expect(map.Locator("path.movement-route")).ToHaveCountAsync(1);
        await Expect(map.Locator("path.corridor-buffer")).ToHaveCountAsync(1);

        // A truck sighted by the perimeter cameras every four minutes for 32 minutes.
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
        await Expect(map.Locator(".alert-marker.alert-loitering").First).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "tracking-map-loitering");

        // Filters: the loitering alert is High, so "at least Critical" hides it and its marker; the site filter keeps it.
        var alert = page.Locator("#tracking-alerts li[data-alert-kind=loitering]");
        await page.Locator("[data-testid=filter-severity]").SelectOptionAsync("Critical");
        await Expect(alert).ToBeHiddenAsync();
        await Expect(map.Locator(".alert-marker.alert-loitering")).ToHaveCountAsync(0);
        await page.Locator("[data-testid=filter-severity]").SelectOptionAsync("High");
        await Expect(alert).ToBeVisibleAsync();
        await page.Locator("[data-testid=filter-site]").SelectOptionAsync(new SelectOptionValue { Label = DemoTracking.AirportSiteName });
        await Expect(alert).ToBeVisibleAsync();
        await page.Locator("[data-testid=filter-agency]").SelectOptionAsync("PK-NACTA");
        await Expect(map.Locator("path.vehicle-marker")).ToHaveCountAsync(1);
        await Expect(alert).ToBeVisibleAsync();
    }
}
