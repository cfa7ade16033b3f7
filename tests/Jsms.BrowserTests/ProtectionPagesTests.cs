using Jsms.BrowserTests.Infrastructure;
using Jsms.Features.Protection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jsms.BrowserTests;

/// <summary>Managing sites and movements in the browser: a perimeter drawn on the map, a route pasted, and both seen afterwards.</summary>
public sealed class ProtectionPagesTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_site_whose_perimeter_is_drawn_on_the_map_is_created_and_shown_on_the_operating_picture()
    {
        var page = await browser.LoginAs("pk.coordinator");
        await page.GotoAsync("/Protection/Sites");
        await page.Locator("[data-testid=new-site]").ClickAsync();
        await page.Locator("[data-testid=site-name]").FillAsync("Drawn compound");
        await page.Locator("[data-testid=site-watch]").FillAsync("400");
        await page.Locator("[data-testid=site-threshold]").FillAsync("25");
        await page.Locator("[data-testid=site-level]").SelectOptionAsync("High");

        // Four clicks on the map are the corners; one is taken back with "remove last point".
        var map = page.Locator("[data-testid=site-map]");
        await Expect(map).ToHaveAttributeAsync("data-outlines-loaded", "true");
        foreach (var (x, y) in new[] { (300, 120), (420, 130), (430, 240), (600, 300) })
        {
            await map.ClickAsync(new LocatorClickOptions { Position = new Position { X = x, Y = y } });
        }
        await Expect(map).ToHaveAttributeAsync("data-points", "4");
        await page.Locator("[data-testid=perimeter-undo]").ClickAsync();
        await map.ClickAsync(new LocatorClickOptions { Position = new Position { X = 310, Y = 250 } });
        await Expect(map).ToHaveAttributeAsync("data-points", "4");
        await Expect(page.Locator("[data-testid=site-perimeter]")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^\\{\"type\":\"Polygon\""));
        await Expect(map.Locator("path.edited-shape")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "site-drawn-perimeter");
        await page.Locator("[data-testid=save-site]").ClickAsync();

        await Expect(page.Locator("[data-testid=notice]")).ToContainTextAsync("Drawn compound");
        var site = await browser.App.WithDb(db => db.Set<Site>().AsNoTracking().SingleAsync(s => s.Name == "Drawn compound"));
        Assert.Equal(400, site.WatchDistanceMetres);
        Assert.Equal(SecurityLevel.High, site.SecurityLevel);
        // A closed ring of four corners.
        Assert.Equal(5, site.Perimeter.ExteriorRing.NumPoints);

        await page.GotoAsync("/Tracking/Map");
        var picture = page.Locator("#tracking-map");
        await Expect(picture).ToHaveAttributeAsync("data-sites-loaded", "2");
        await Expect(picture.Locator("path.site-perimeter[data-site='Drawn compound']")).ToHaveCountAsync(1);
        await Expect(picture.Locator("path.watch-buffer")).ToHaveCountAsync(2);
        await BrowserApp.ScreenshotAsync(page, "tracking-map-two-sites");
    }

    [Fact]
    public async Task The_lists_of_persons_trackers_and_sensors_are_reached_from_the_menu()
    {
        var page = await browser.LoginAs("pk.coordinator");
        var nav = page.Locator("nav.sidenav");
        await nav.GetByRole(AriaRole.Link, new() { Name = "Protected persons" }).ClickAsync();
        await Expect(page.Locator("[data-testid=person-row]").First).ToBeVisibleAsync();
        // The owner agency's coordinator sees the demo engineer's identifiers in clear.
        await Expect(page.Locator("[data-testid=person-passport]").First).ToHaveTextAsync("E00000001");
        await BrowserApp.ScreenshotAsync(page, "persons-list");
        await nav.GetByRole(AriaRole.Link, new() { Name = "Trackers" }).ClickAsync();
        // The convoy's lead vehicle, its escort, and the joint exercise team's minibus released to the host.
        await Expect(page.Locator("[data-testid=device-row]")).ToHaveCountAsync(3);
        await BrowserApp.ScreenshotAsync(page, "trackers-list");
        await nav.GetByRole(AriaRole.Link, new() { Name = "Sensors" }).ClickAsync();
        await Expect(page.Locator("[data-testid=sensor-row]")).ToHaveCountAsync(2);
        await page.Locator("[data-testid=sensor-row] a").First.ClickAsync();
        await Expect(page.Locator("[data-testid=sensor-code]")).ToHaveValueAsync("KHI-ANPR-01");
        await BrowserApp.ScreenshotAsync(page, "sensor-form");
    }

    [Fact]
    public async Task A_pasted_perimeter_that_is_not_a_polygon_is_refused_on_the_form_with_the_reason()
    {
        var page = await browser.LoginAs("pk.analyst");
        await page.GotoAsync("/Protection/Site");
        await page.Locator("[data-testid=site-name]").FillAsync("Bad paste");
        await page.Locator("[data-testid=site-perimeter]").FillAsync("""{"type":"Polygon","coordinates":[[[67.3,24.7],[67.4,24.8],[67.3,24.7]]]}""");
        await page.Locator("[data-testid=save-site]").ClickAsync();
        await Expect(page.Locator("[data-testid=form-errors] li[data-field=perimeter]")).ToBeVisibleAsync();
        Assert.False(await browser.App.WithDb(db => db.Set<Site>().AnyAsync(s => s.Name == "Bad paste")));
    }

    [Fact]
    public async Task A_movement_created_with_a_pasted_route_is_shown_with_its_corridor_and_listed_for_its_named_list()
    {
        var page = await browser.LoginAs("pk.coordinator");
        await page.GotoAsync("/Protection/Movements");
        await page.Locator("[data-testid=new-movement]").ClickAsync();
        await page.Locator("[data-testid=movement-name]").FillAsync("Engineers to Port Qasim (browser)");
        await page.Locator("[data-testid=movement-status]").SelectOptionAsync("UnderWay");
        await page.Locator("[data-testid=movement-principal]").First.CheckAsync();
        await page.Locator("[data-testid=movement-vehicles]").FillAsync("demo-convoy-lead");
        await page.Locator("[data-testid=movement-escort]").FillAsync("demo-convoy-escort");
        await page.Locator("[data-testid=movement-corridor]").FillAsync("300");
        await page.Locator("[data-testid=movement-recipients]").FillAsync("cn.liaison");
        await page.Locator("[data-testid=movement-depart-earliest]").FillAsync("2026-03-10T09:00");
        await page.Locator("[data-testid=movement-arrive-latest]").FillAsync("2026-03-10T11:00");
        await page.Locator("[data-testid=movement-route]").FillAsync("""{"type":"LineString","coordinates":[[67.1608,24.9065],[67.19,24.88],[67.25,24.84],[67.34,24.78]]}""");
        await page.Locator("[data-testid=movement-route]").DispatchEventAsync("input");
        await Expect(page.Locator("[data-testid=route-map]")).ToHaveAttributeAsync("data-points", "4");
        await page.Locator("[data-testid=movement-checkpoints]").FillAsync("Shah Faisal interchange; 24.88; 67.19; 2026-03-10 09:30\nPort Qasim gate; 24.78; 67.34");
        await page.Locator("[data-testid=save-movement]").ClickAsync();

        await Expect(page.Locator("[data-testid=movement-name]")).ToHaveTextAsync("Engineers to Port Qasim (browser)");
        await Expect(page.Locator("[data-testid=movement-status]")).ToHaveTextAsync("Under way");
        await Expect(page.Locator("[data-testid=movement-recipients]")).ToHaveTextAsync("cn.liaison");
        var map = page.Locator("[data-testid=movement-map]");
        await Expect(map).ToHaveAttributeAsync("data-route-shown", "true");
        await Expect(map.Locator("path.movement-route")).ToBeVisibleAsync();
        await Expect(map.Locator("path.corridor-buffer")).ToHaveCountAsync(1);
        await Expect(map.Locator("path.checkpoint-marker")).ToHaveCountAsync(2);
        await BrowserApp.ScreenshotAsync(page, "movement-page");

        // The named list sees it; the access log (owner's coordinator) shows that look.
        var liaison = await browser.LoginAs("cn.liaison");
        await liaison.GotoAsync("/Protection/Movements");
        await liaison.Locator("[data-testid=movement-row] a", new PageLocatorOptions { HasText = "Engineers to Port Qasim (browser)" }).ClickAsync();
        await Expect(liaison.Locator("[data-testid=movement-name]")).ToHaveTextAsync("Engineers to Port Qasim (browser)");
        await page.Locator("[data-testid=access-log-link]").ClickAsync();
        await Expect(page.Locator("[data-testid=access-row][data-user='cn.liaison'][data-action=read]")).ToHaveCountAsync(1);
        await BrowserApp.ScreenshotAsync(page, "movement-access-log");

        var outsider = await browser.LoginAs("us.analyst");
        var response = await outsider.GotoAsync(liaison.Url);
        Assert.Equal(404, response!.Status);
    }
}
