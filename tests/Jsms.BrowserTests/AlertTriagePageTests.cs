using System.Net.Http.Json;
using Jsms.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jsms.BrowserTests;

/// <summary>
/// Triage as the owner agency's coordinator does it: a tracker loiters at the airport site; the coordinator opens the
/// alert from the alerts list, sees its evidence on the map, assigns it, comments and resolves it; then the dashboard.
/// </summary>
public sealed class AlertTriagePageTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_coordinator_opens_an_alert_sees_its_evidence_on_the_map_assigns_comments_and_resolves_it()
    {
        var app = browser.App;
        using var analyst = await app.LoginAs("pk.analyst");
        var uniqueId = "triage-" + Guid.NewGuid().ToString("N")[..8];
        const string plate = "LEB4410";
        (await analyst.PostAsJsonAsync("/api/devices", new { uniqueId, name = "Patrol car", kind = "VehicleTracker", subject = plate })).EnsureSuccessStatusCode();
        var t0 = app.Clock.GetUtcNow();
        for (var i = 0; i <= 8; i++)
        {
            var at = t0.AddMinutes(i * 4);
            app.Clock.Set(at);
            (await analyst.PostAsJsonAsync("/api/tracking/positions",
                new[] { new { deviceId = uniqueId, time = at.UtcDateTime, latitude = 24.8925 + i * 0.0001, longitude = 67.1600 } })).EnsureSuccessStatusCode();
        }

        var page = await browser.LoginAs("pk.coordinator");
        await page.GotoAsync("/Alerts");
        var item = page.Locator("[data-testid=alert]").Filter(new LocatorFilterOptions { HasText = plate }).First;
        await item.GetByTestId("alert-open").ClickAsync();

        await Expect(page.GetByTestId("alert-detail")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("alert-title")).ToContainTextAsync(plate);
        await Expect(page.GetByTestId("alert-map")).ToHaveAttributeAsync("data-outlines-loaded", "true");
        Assert.True(await page.Locator("[data-testid=alert-map] path.alert-evidence-marker").CountAsync() >= 1);
        Assert.True(await page.GetByTestId("alert-evidence-item").CountAsync() >= 1);

        await page.GetByTestId("alert-assignee-select").SelectOptionAsync(new SelectOptionValue { Label = (await page.Locator("[data-testid=alert-assignee-select] option", new PageLocatorOptions { HasText = "pk.analyst" }).First.TextContentAsync())!.Trim() });
        await page.GetByTestId("alert-assign").ClickAsync();
        await Expect(page.GetByTestId("alert-assignee")).ToContainTextAsync("pk.analyst");

        await page.GetByTestId("alert-comment-text").FillAsync("Patrol car of the airport detail, parked by the gate on purpose");
        await page.GetByTestId("alert-comment-add").ClickAsync();
        await Expect(page.GetByTestId("alert-comment")).ToContainTextAsync("parked by the gate on purpose");

        await page.GetByTestId("alert-note").FillAsync("Own patrol, no threat");
        await page.GetByTestId("alert-resolve").ClickAsync();
        await Expect(page.GetByTestId("alert-status")).ToContainTextAsync("resolved");
        await Expect(page.Locator("[data-testid=alert-history-item][data-action=resolve]")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("alert-map")).ToHaveAttributeAsync("data-outlines-loaded", "true");
        await BrowserApp.ScreenshotAsync(page, "alert");

        await page.GotoAsync("/");
        await Expect(page.GetByTestId("dashboard-alerts")).ToBeVisibleAsync();
        await Expect(page.Locator("nav[data-counts-loaded=true]")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "dashboard");
    }
}
