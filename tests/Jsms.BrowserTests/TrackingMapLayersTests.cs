using System.Net.Http.Json;
using Jsms.BrowserTests.Infrastructure;
using Jsms.Features.Audit;
using Jsms.Platform.Audit;
using Jsms.Features.Protection;
using Jsms.Features.Tracking;
using Microsoft.EntityFrameworkCore;
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

    [Fact]
    public async Task Reloading_the_map_does_not_add_a_line_per_load_to_the_movement_access_log()
    {
        var app = browser.App;
        var convoy = await app.WithDb(db => db.Set<Movement>().Where(m => m.Name == "Airport to Port Qasim convoy (demo)").Select(m => m.Id).SingleAsync());
        // pk.analyst is on the convoy's named list; no other test here opens the map as pk.analyst.
        var page = await browser.LoginAs("pk.analyst");
        for (var i = 0; i < 3; i++)
        {
            await page.GotoAsync("/Tracking/Map");
            await Expect(page.Locator("#tracking-map path.movement-route[data-movement='Airport to Port Qasim convoy (demo)']")).ToBeVisibleAsync();
        }
        var looks = await app.WithDb(db => db.Set<AuditEntry>().Where(e => e.RecordId == convoy && e.UserName == "pk.analyst")
            .Select(e => new { e.Action, e.Detail }).ToListAsync());
        var look = Assert.Single(looks);
        Assert.Equal(("read", MovementsService.MapViewDetail), (look.Action, look.Detail));
    }
}
