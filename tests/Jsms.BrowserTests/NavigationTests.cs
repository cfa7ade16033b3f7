using Jsms.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jsms.BrowserTests;

public sealed class NavigationTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private static ILocator Modules(IPage page) => page.GetByRole(AriaRole.Navigation, new() { Name = "Modules" });

    [Fact]
    public async Task Navigation_shows_the_modules_and_marks_the_current_one()
    {
        var page = await browser.LoginAs("pk.analyst");
        var nav = Modules(page);

        foreach (var module in new[] { "Dashboard", "Consultations", "Alerts", "Incidents", "Operations", "Exercises", "Lessons", "Programmes", "Partners", "API" })
        {
            await Expect(nav.GetByRole(AriaRole.Link, new() { Name = module, Exact = true })).ToBeVisibleAsync();
        }
        // Every module of the design is built: none is listed as still to come.
        await Expect(nav.Locator(".planned")).ToHaveCountAsync(0);
        await Expect(nav.Locator("a.active")).ToHaveTextAsync("Dashboard");
    }

    [Fact]
    public async Task Administration_links_are_shown_to_administrators_only()
    {
        var analyst = await browser.LoginAs("pk.analyst");
        await Expect(Modules(analyst).GetByRole(AriaRole.Link, new() { Name = "Audit log" })).ToHaveCountAsync(0);
        await Expect(Modules(analyst).GetByRole(AriaRole.Link, new() { Name = "Users" })).ToHaveCountAsync(0);

        var admin = await browser.LoginAs("admin");
        await Expect(Modules(admin).GetByRole(AriaRole.Link, new() { Name = "Audit log" })).ToBeVisibleAsync();
        await Expect(Modules(admin).GetByRole(AriaRole.Link, new() { Name = "Users" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_refused_page_says_so_in_the_layout_and_back_returns_to_where_the_user_was()
    {
        var page = await browser.LoginAs("pk.analyst");
        await page.GotoAsync("/Alerts");
        var refused = await page.GotoAsync("/Audit");
        Assert.Equal(403, refused!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You are not allowed to do this" })).ToBeVisibleAsync();
        await Expect(Modules(page)).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "status-403");
        await page.GetByTestId("status-back").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Alerts$"));
    }

    [Fact]
    public async Task Pages_load_their_stylesheet_and_scripts_without_errors()
    {
        var page = await browser.NewPageAsync();
        var failed = new List<string>();
        page.Response += (_, r) =>
        {
            // The browser asks for /favicon.ico on its own; the app has none.
            if (r.Status >= 400 && !r.Url.EndsWith("/favicon.ico", StringComparison.Ordinal))
            {
                failed.Add($"{r.Status} {r.Url}");
            }
        };
        page.PageError += (_, error) => failed.Add(error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                failed.Add(message.Text);
            }
        };

        await page.GotoAsync("/Accounts/Login");
        await BrowserApp.SubmitLoginAsync(page, "pk.analyst", Features.Demo.DemoScenario.DemoPassword);
        await Expect(page.Locator("[data-testid=current-user]")).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        // Missing lib files (npm step of the build), CSP violations and script errors all land here.
        Assert.True(failed.Count == 0, string.Join(Environment.NewLine, failed));
        Assert.True(await page.EvaluateAsync<bool>("() => document.styleSheets.length > 0"), "site.css is not applied");
    }
}
