using System.Globalization;
using Jsms.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Jsms.BrowserTests;

/// <summary>
/// The operating picture's incidents: the filters (period, attack type, group) are labelled, narrow what is drawn and
/// are kept in the page's address; the heat view by province is a layer of the layer control with its classes in the
/// legend. Over the demo's generated attacks of the two years before the clock.
/// </summary>
public sealed class IncidentMapFilterTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private string Day(int daysBack) => DateOnly.FromDateTime(browser.App.Clock.GetUtcNow().UtcDateTime).AddDays(-daysBack)
        .ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_filters_narrow_the_incidents_and_are_kept_in_the_address()
    {
        var page = await browser.LoginAs("pk.analyst");
        await page.GotoAsync("/Tracking/Map");
        var map = page.Locator("#tracking-map");
        await Expect(page.GetByLabel("From", new() { Exact = true })).ToHaveValueAsync(Day(30));
        await Expect(map).Not.ToHaveAttributeAsync("data-incidents", "none");

        await page.GetByLabel("From", new() { Exact = true }).FillAsync(Day(365));
        await page.GetByTestId("incidents-attack-type").SelectOptionAsync("6");
        await page.GetByTestId("incidents-apply").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("incidentsFrom=" + Day(365) + ".*attackType=6"));
        await Expect(map).ToHaveAttributeAsync("data-incidents-loading", "false");
        await Expect(map.Locator(".incident-marker:not(.incident-type-6)")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("incidents-legend")).ToContainTextAsync("Hostage Taking (Kidnapping)");
        await Expect(page.GetByTestId("incidents-summary")).ToContainTextAsync("incidents,");

        // The address opens the same view.
        await page.ReloadAsync();
        await Expect(page.GetByTestId("incidents-attack-type")).ToHaveValueAsync("6");
        await Expect(page.GetByLabel("From", new() { Exact = true })).ToHaveValueAsync(Day(365));

        // A period that ends before it starts is said, not sent.
        await page.GetByLabel("To", new() { Exact = true }).FillAsync(Day(400));
        await page.GetByTestId("incidents-apply").ClickAsync();
        await Expect(page.GetByTestId("incidents-summary")).ToHaveTextAsync("The period ends before it starts.");
        await Expect(page.GetByLabel("To", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
    }

    [Fact]
    public async Task The_heat_view_colours_the_provinces_by_attacks_with_its_classes_in_the_legend()
    {
        var page = await browser.LoginAs("pk.analyst");
        await page.GotoAsync($"/Tracking/Map?incidentsFrom={Day(730)}&incidentsTo={Day(0)}&heat=1");
        var map = page.Locator("#tracking-map");
        // The first heat view reads the areas' file (20 MB) once for the process: allowed longer than a page's usual wait.
        await Expect(map).Not.ToHaveAttributeAsync("data-heat", new System.Text.RegularExpressions.Regex("^(loading|none|0)$"), new() { Timeout = 60_000 });
        await Expect(map.Locator("path.heat-area.heat-class-5").First).ToBeVisibleAsync();
        var legend = page.GetByTestId("incidents-legend");
        await Expect(legend).ToContainTextAsync("Attacks by province");
        await Expect(legend.Locator(".heat-legend-class")).ToHaveCountAsync(5);
        await BrowserApp.ScreenshotAsync(page, "incidents-heat-view");

        // The layer control switches it off, and the address forgets it.
        await page.Locator(".leaflet-control-layers").HoverAsync();
        await page.GetByLabel("Incidents by province (heat)").UncheckAsync();
        await Expect(map.Locator("path.heat-area")).ToHaveCountAsync(0);
        await Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("heat=1"));
    }
}
