using System.Globalization;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Jsms.BrowserTests.Infrastructure;
using Jsms.Features.Operations;
using Jsms.Platform.Identity;
using Jsms.Platform.Partners;
using Jsms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jsms.BrowserTests;

/// <summary>
/// A consent request walked through the pages: the requester writes it on the new-request page, each of three host
/// authorities signs in and decides on the request's page (one narrows the area on the map and leaves a person out), the
/// rule's progress reads "2 of 3 approved, no veto yet" before the last answer, and the granted consent's area appears on
/// the register's map.
/// </summary>
public sealed partial class ConsentRequestPagesTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private const string Quetta = """{"type":"Polygon","coordinates":[[[66.9,30.1],[67.1,30.1],[67.1,30.3],[66.9,30.3],[66.9,30.1]]]}""";

    [GeneratedRegex("/Operations/Request/([0-9a-f-]{36})$")]
    private static partial Regex RequestPath();

    private static string Local(DateTime at) => at.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    private async Task ArrangeHostsAsync()
    {
        var app = browser.App;
        await app.WithDb(async db =>
        {
            var pk = await db.Set<State>().SingleAsync(s => s.IsoCode == "PK");
            db.Add(new Agency { Id = Guid.NewGuid(), StateId = pk.Id, Code = "PK-IB", Name = "Intelligence Bureau (browser test)", Kind = AgencyKind.Intelligence });
            await db.SaveChangesAsync();
        });
        await app.AddUserAsync("pk.ib.officer", "PK-IB", [JsmsRoles.Analyst]);
        await app.AddUserAsync("pk.sindh.officer", "PK-SINDH", [JsmsRoles.Analyst]);
        // Each authority holds a veto for joint patrols: approved when all answered without one.
        using var coordinator = await app.LoginAs("pk.coordinator");
        (await coordinator.PutAsJsonAsync("/api/operations/decision-rules", new { hostState = "PK", kind = "JointPatrol", rule = "AnyWithVeto" }))
            .EnsureSuccessStatusCode();
    }

    private async Task<IPage> DecideAsync(string user, string path, string answer, Func<IPage, Task>? more = null)
    {
        var page = await browser.LoginAs(user);
        await page.GotoAsync(path);
        await page.GetByTestId("decision-answer").SelectOptionAsync(answer);
        await page.GetByTestId("decision-reasons").FillAsync($"{user}: reviewed with the provincial police.");
        if (more is not null)
        {
            await more(page);
        }
        await page.GetByTestId("decide").ClickAsync();
        await Expect(page.GetByTestId("notice")).ToContainTextAsync("recorded");
        return page;
    }

    [Fact]
    public async Task A_request_decided_by_three_authorities_on_the_pages_shows_its_narrowed_consent_on_the_registers_map()
    {
        await ArrangeHostsAsync();
        var now = browser.App.Clock.GetUtcNow().UtcDateTime;

        var requester = await browser.LoginAs("cn.liaison");
        await requester.GotoAsync("/Operations/NewRequest");
        await requester.GetByTestId("request-host").FillAsync("PK");
        await requester.GetByTestId("request-authorities").FillAsync("PK-NACTA, PK-SINDH, PK-IB");
        await requester.GetByTestId("request-kind").SelectOptionAsync("JointPatrol");
        await requester.GetByTestId("request-start").FillAsync(Local(now.AddDays(1)));
        await requester.GetByTestId("request-end").FillAsync(Local(now.AddDays(10)));
        await requester.GetByTestId("request-deadline").FillAsync(Local(now.AddHours(20)));
        await requester.GetByTestId("request-purpose").FillAsync("Joint patrols of the Quetta road (browser test)");
        await requester.GetByTestId("request-personnel").FillAsync("Zhang Wei; Inspector; Team leader\nLi Na; Sergeant; Medic");
        await requester.GetByTestId("request-area").FillAsync(Quetta);
        await requester.GetByTestId("request-submit-now").CheckAsync();
        await requester.GetByTestId("save-request").ClickAsync();
        await Expect(requester.GetByTestId("request-status")).ToHaveTextAsync("Submitted");
        var path = new Uri(requester.Url).AbsolutePath;
        Assert.Matches(RequestPath(), path);

        // PK-NACTA narrows the area on the map (a square in the middle of the one asked for) and leaves the medic out.
        var nacta = await DecideAsync("pk.analyst", path, "ApproveWithConditions", async page =>
        {
            await page.GetByTestId("decision-conditions").FillAsync("Patrols stay on the city's side of the road.");
            var map = page.GetByTestId("decision-map");
            await Expect(map.Locator("path.reference-shape")).ToBeVisibleAsync();
            var box = (await map.BoundingBoxAsync())!;
            foreach (var (x, y) in new[] { (0.4, 0.4), (0.6, 0.4), (0.6, 0.6), (0.4, 0.6) })
            {
                await map.ClickAsync(new LocatorClickOptions { Position = new Position { X = (float)(box.Width * x), Y = (float)(box.Height * y) } });
            }
            await Expect(map).ToHaveAttributeAsync("data-points", "4");
            await Expect(page.GetByTestId("decision-area")).ToHaveValueAsync(new Regex("Polygon"));
            await page.Locator("[data-testid=decision-person][data-name='Li Na']").UncheckAsync();
        });
        await Expect(nacta.GetByTestId("progress")).ToHaveTextAsync("1 of 3 approved, no veto yet");

        var sindh = await DecideAsync("pk.sindh.officer", path, "Approve");
        await Expect(sindh.GetByTestId("progress")).ToHaveTextAsync("2 of 3 approved, no veto yet");
        await Expect(sindh.GetByTestId("decision-list")).ToContainTextAsync("Patrols stay on the city's side of the road.");
        await BrowserApp.ScreenshotAsync(sindh, "consent-request-two-of-three");

        var ib = await DecideAsync("pk.ib.officer", path, "Approve");
        await Expect(ib.GetByTestId("request-status")).ToHaveTextAsync("Approved with conditions");
        var consentId = await ib.GetByTestId("consent-link").GetAttributeAsync("data-consent-id");

        using var api = await browser.App.LoginAs("cn.liaison");
        var consent = await api.GetAs<ConsentDto>($"/api/operations/consents/{consentId}");
        Assert.Equal(["Zhang Wei"], consent.Personnel.Select(p => p.Name));

        await requester.GotoAsync("/Operations/Register?state=PK");
        var registerMap = requester.GetByTestId("register-map");
        await Expect(registerMap.Locator($"path.consent-area-active[data-consent='{consentId}']")).ToBeVisibleAsync();
        await Expect(requester.Locator($"[data-testid=register-row][data-consent-id='{consentId}']")).ToContainTextAsync("Joint patrol");
        await BrowserApp.ScreenshotAsync(requester, "consent-request-on-register");
    }
}
