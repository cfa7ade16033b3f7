using System.Text.RegularExpressions;
using Jsms.BrowserTests.Infrastructure;
using Jsms.Features.Demo;
using static Microsoft.Playwright.Assertions;

namespace Jsms.BrowserTests;

public sealed class SignInTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Wrong_password_shows_an_error_and_keeps_the_user_on_the_login_page()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/Accounts/Login");

        await BrowserApp.SubmitLoginAsync(page, "pk.analyst", "not-the-password");

        await Expect(page.Locator("[data-testid=login-error]")).ToContainTextAsync("not valid");
        Assert.Equal("/Accounts/Login", BrowserApp.PathOf(page));
        await Expect(page.Locator("[data-testid=current-user]")).ToHaveCountAsync(0);
        // The username is kept so the user only retypes the password.
        await Expect(page.Locator("input[name=Username]")).ToHaveValueAsync("pk.analyst");
    }

    [Fact]
    public async Task Demo_user_signs_in_and_lands_on_the_dashboard_with_their_name_shown()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/Accounts/Login");

        await BrowserApp.SubmitLoginAsync(page, "pk.coordinator", DemoScenario.DemoPassword);

        await Expect(page.Locator("[data-testid=current-user]")).ToHaveTextAsync("pk.coordinator");
        Assert.Equal("/", BrowserApp.PathOf(page));
        await Expect(page.Locator("main h1")).ToHaveTextAsync("Dashboard");
        await BrowserApp.ScreenshotAsync(page, "dashboard-pk.coordinator");
    }

    [Fact]
    public async Task Page_requiring_sign_in_redirects_to_the_login_page_and_back_after_sign_in()
    {
        var page = await browser.NewPageAsync();

        // The dashboard, with a query string so the return trip is visible.
        await page.GotoAsync("/?from=bookmark");

        await Expect(page).ToHaveURLAsync(new Regex("/Accounts/Login\\?ReturnUrl=%2F%3Ffrom%3Dbookmark$"));
        await Expect(page.Locator("input[name=Password]")).ToBeVisibleAsync();

        await BrowserApp.SubmitLoginAsync(page, "cn.liaison", DemoScenario.DemoPassword);

        await Expect(page).ToHaveURLAsync(new Regex("/\\?from=bookmark$"));
        await Expect(page.Locator("[data-testid=current-user]")).ToHaveTextAsync("cn.liaison");
    }

    [Fact]
    public async Task Signing_out_returns_to_the_login_page()
    {
        var page = await browser.LoginAs("pk.viewer");

        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Expect(page.Locator("input[name=Password]")).ToBeVisibleAsync();
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex("/Accounts/Login"));
    }
}
