using System.Text.RegularExpressions;
using Jsms.BrowserTests.Infrastructure;
using Jsms.Features.Alerts;
using Jsms.Platform.Access;
using Jsms.Platform.Partners;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jsms.BrowserTests;

/// <summary>
/// The menu's alert count follows the alert stream (no reload, sooner than its 30 s poll), and a user who turned the
/// browser's notifications on is notified of a High alert. The browser's Notification is replaced by a recorder: a
/// headless browser shows none.
/// </summary>
public sealed class LiveAlertMenuTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private const string RecordNotifications = """
        window.__notes = [];
        window.Notification = class {
          constructor(title, options) { window.__notes.push(title); }
          static get permission() { return window.__granted ? "granted" : "default"; }
          static requestPermission() { window.__granted = true; return Promise.resolve("granted"); }
        };
        """;

    [Fact]
    public async Task A_raised_alert_updates_the_menu_count_and_a_High_one_is_notified_to_who_asked()
    {
        var page = await browser.NewPageAsync();
        await page.AddInitScriptAsync(RecordNotifications);
        await page.GotoAsync("/Accounts/Login");
        await BrowserApp.SubmitLoginAsync(page, "pk.coordinator", Jsms.Features.Demo.DemoScenario.DemoPassword);
        var nav = page.Locator("nav[data-counts-loaded=true][data-stream-ready=true]");
        await Expect(nav).ToBeVisibleAsync();
        var badge = page.GetByTestId("menu-open-alerts");
        var before = int.TryParse(await badge.TextContentAsync(), out var n) ? n : 0;

        // Without notifications turned on: the count follows, nothing is notified.
        await RaiseAsync(AlertSeverity.Medium, "Live count check");
        await Expect(badge).ToHaveTextAsync((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 20_000 });
        Assert.Equal(0, await page.EvaluateAsync<int>("() => window.__notes.length"));

        await page.GetByTestId("notify-toggle").ClickAsync();
        await Expect(page.GetByTestId("notify-toggle")).ToBeDisabledAsync();
        await RaiseAsync(AlertSeverity.High, "Live notification check");
        await Expect(badge).ToHaveTextAsync((before + 2).ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 20_000 });
        await page.WaitForFunctionAsync("() => window.__notes.includes('Live notification check')", null, new() { Timeout = 20_000 });
        Assert.Equal(1, await page.EvaluateAsync<int>("() => window.__notes.length"));
        await Expect(page.Locator("nav")).ToContainTextAsync(new Regex("Alerts"));
    }

    // Raised as the detectors do: stored, then the stream woken (its fallback poll runs on the test clock, which stands still).
    private async Task RaiseAsync(AlertSeverity severity, string title)
    {
        var id = await browser.App.WithDb(async db =>
        {
            var owner = await db.Set<Agency>().Where(a => a.Code == "PK-NACTA").Select(a => a.Id).SingleAsync();
            var creator = await db.Users.Where(u => u.UserName == "pk.coordinator").Select(u => u.Id).SingleAsync();
            var alert = db.Raise(new AlertDraft("test.live-menu", severity, title, browser.App.Clock.GetUtcNow().UtcDateTime),
                new AlertAudience(owner, Tlp.Amber, creator, [], []), []);
            await db.SaveChangesAsync();
            return alert.Id;
        });
        browser.App.App.Services.GetRequiredService<AlertBroadcaster>().Publish([id]);
    }
}
