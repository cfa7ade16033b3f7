using System.Net.Http.Json;
using Jsms.BrowserTests.Infrastructure;
using Jsms.Features.Tracking;
using static Microsoft.Playwright.Assertions;

namespace Jsms.BrowserTests;

/// <summary>
/// What the operating picture draws besides sites and vehicles: alerts without a site under their agency's filter,
/// and the fixed sensors the user may read.
/// </summary>
public sealed class TrackingMapLayersTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private static readonly string[] NamedList = ["cn.liaison"];

    [Fact]
    public async Task An_alert_about_a_movement_has_no_site_and_shows_under_the_filter_of_its_agency()
    {
        var app = browser.App;
        var now = app.Clock.GetUtcNow().UtcDateTime;
        using var analyst = await app.LoginAs("pk.analyst");
        (await analyst.PostAsJsonAsync("/api/movements", new
        {
            name = "Late convoy (map filter)",
            status = "UnderWay",
            departEarliest = now.AddHours(-3),
            arriveLatest = now.AddMinutes(-5),
            marking = new { recipients = NamedList },
        })).EnsureSuccessStatusCode();
        // The clock finds it overdue: an alert of PK-NACTA's movement, about no site.
        await app.Service<MovementMonitor>().CheckAsync(now);

        var page = await browser.LoginAs("pk.coordinator");
        await page.GotoAsync("/Tracking/Map");
        var alert = page.Locator("#tracking-alerts li[data-alert-kind='movement.overdue']");
        await Expect(alert).ToBeVisibleAsync();
        await page.Locator("[data-testid=filter-agency]").SelectOptionAsync("PK-NACTA");
        await Expect(alert).ToBeVisibleAsync();
        await Expect(page.Locator("#tracking-map")).Not.ToHaveAttributeAsync("data-alerts-visible", "0");
    }

    [Fact]
    public async Task Fixed_sensors_are_drawn_with_name_and_kind_for_those_who_may_read_them()
    {
        // The demo's two ANPR cameras are PK-NACTA's, released to PK-SINDH only.
        var page = await browser.LoginAs("pk.coordinator");
        await page.GotoAsync("/Tracking/Map");
        var map = page.Locator("#tracking-map");
        await Expect(map).ToHaveAttributeAsync("data-sensors-shown", "2");
        var south = map.Locator(".sensor-marker[data-sensor=KHI-ANPR-01]");
        await Expect(south).ToBeVisibleAsync();
        await Expect(map.Locator(".sensor-marker[data-sensor=KHI-ANPR-02]")).ToBeVisibleAsync();
        await south.ClickAsync();
        var popup = page.Locator("[data-testid=sensor-popup]");
        await Expect(popup).ToContainTextAsync("Airport perimeter road, south gate (demo)");
        await Expect(popup).ToContainTextAsync("ANPR camera");
        await BrowserApp.ScreenshotAsync(page, "tracking-map-sensor");

        // A partner's liaison officer may not read them: none is drawn.
        var partner = await browser.LoginAs("cn.liaison");
        await partner.GotoAsync("/Tracking/Map");
        await Expect(partner.Locator("#tracking-map")).ToHaveAttributeAsync("data-sensors-shown", "0");
        await Expect(partner.Locator(".sensor-marker")).ToHaveCountAsync(0);
    }
}
