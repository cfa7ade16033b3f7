using System.Net.Http.Json;
using System.Text.Json;
using Jsms.BrowserTests.Infrastructure;
using Jsms.Features.Demo;
using Jsms.Features.Operations;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jsms.BrowserTests;

/// <summary>
/// A consent request walked through to the register's map: the requester asks, the host authority decides, and the
/// granted consent's area is drawn on the register of the host state. The request and decision steps go through the API
/// (their pages belong to the consent requests' part of issue 19); the register is the page under test.
/// </summary>
public sealed class ConsentRegisterMapTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private static readonly string[] Nacta = ["PK-NACTA"];

    private const string Lahore = """{"type":"Polygon","coordinates":[[[74.2,31.4],[74.45,31.4],[74.45,31.65],[74.2,31.65],[74.2,31.4]]]}""";

    [Fact]
    public async Task A_request_decided_by_the_host_shows_as_a_consent_area_on_the_registers_map()
    {
        var app = browser.App;
        var now = app.Clock.GetUtcNow().UtcDateTime;
        using var requester = await app.LoginAs("cn.liaison");
        var created = await (await requester.PostAsJsonAsync("/api/operations/consent-requests", new
        {
            hostState = "PK",
            authorities = Nacta,
            kind = "LiaisonPresence",
            purpose = "Liaison officers at the Lahore coordination cell (browser test)",
            area = JsonDocument.Parse(Lahore).RootElement,
            periodStart = now.AddDays(1),
            periodEnd = now.AddDays(20),
            personnel = new[] { new { name = "Liu Yang", rank = "Inspector", role = "Liaison officer" } },
            decisionDeadline = now.AddHours(12),
        })).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<ConsentRequestDto>();
        (await requester.PostAsJsonAsync($"/api/operations/consent-requests/{created!.Id}/submit", new { })).EnsureSuccessStatusCode();

        // Pakistan's rule for its authorities is "all approve": the one named authority approves.
        using var host = await app.LoginAs("pk.analyst");
        var decided = await (await host.PostAsJsonAsync($"/api/operations/consent-requests/{created.Id}/decisions", new { answer = "Approve" }))
            .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<ConsentRequestDto>();
        var consentId = decided!.ConsentId!.Value;

        var page = await browser.LoginAs("cn.liaison");
        await page.GotoAsync("/Operations/Register?state=PK");
        var map = page.GetByTestId("register-map");
        await Expect(map).Not.ToHaveAttributeAsync("data-areas", new System.Text.RegularExpressions.Regex("^(0|error)?$"));
        await Expect(map.Locator($"path.consent-area-active[data-consent='{consentId}']")).ToBeVisibleAsync();
        await Expect(page.Locator($"[data-testid=register-row][data-consent-id='{consentId}']")).ToContainTextAsync("Liaison presence");
        // The demo's exercise minibus, outside its consented area.
        await Expect(map.Locator($"path.register-tracker-outside[data-device='{DemoJointOperations.TrackerId}']")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "consent-register-map");
    }
}
