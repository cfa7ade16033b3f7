using System.Net.Http.Json;
using Jsms.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jsms.BrowserTests;

/// <summary>
/// The derived-record rule as a partner meets it: Pakistan's tracker, kept to Pakistan (AMBER+STRICT), loiters at the
/// airport site released to China. China's liaison sees that something loitered at the site it protects, and nothing
/// of the tracker; Pakistan's coordinator sees the alert in full.
/// </summary>
public sealed class AlertRedactionTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_partner_sees_the_alert_without_the_tracker_it_may_not_read_and_the_owner_sees_it_in_full()
    {
        var app = browser.App;
        using var analyst = await app.LoginAs("pk.analyst");
        var uniqueId = "strict-" + Guid.NewGuid().ToString("N")[..8];
        (await analyst.PostAsJsonAsync("/api/devices", new { uniqueId, name = "Unmarked car", kind = "VehicleTracker", subject = "LEA7734", marking = new { tlp = "AMBER+STRICT" } }))
            .EnsureSuccessStatusCode();
        // Parked by the airport perimeter for half an hour: a loitering alert at the site.
        var t0 = app.Clock.GetUtcNow();
        for (var i = 0; i <= 8; i++)
        {
            var at = t0.AddMinutes(i * 4);
            app.Clock.Set(at);
            (await analyst.PostAsJsonAsync("/api/tracking/positions",
                new[] { new { deviceId = uniqueId, time = at.UtcDateTime, latitude = 24.8925, longitude = 67.1600 } })).EnsureSuccessStatusCode();
        }

        var partner = await browser.LoginAs("cn.liaison");
        await partner.GotoAsync("/Alerts");
        var redacted = partner.Locator("[data-testid=alert]").Filter(new LocatorFilterOptions { Has = partner.Locator("[data-testid=alert-redacted]") });
        await Expect(redacted.First).ToBeVisibleAsync();
        var html = await partner.ContentAsync();
        Assert.DoesNotContain("LEA7734", html, StringComparison.Ordinal);
        Assert.DoesNotContain(uniqueId, html, StringComparison.Ordinal);
        await BrowserApp.ScreenshotAsync(partner, "alerts-redacted-for-partner");

        var owner = await browser.LoginAs("pk.coordinator");
        await owner.GotoAsync("/Alerts");
        await Expect(owner.Locator("[data-testid=alert]").Filter(new LocatorFilterOptions { HasText = "LEA7734" }).First).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(owner, "alerts-in-full-for-owner");
    }
}
