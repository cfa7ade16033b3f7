using Jsms.Features.Demo;
using Jsms.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Jsms.BrowserTests.Infrastructure;

/// <summary>
/// The real JSMS app (<see cref="JsmsTestApp"/>: own port, own database, demo seeded, TestClock) plus a
/// headless Debian Chromium driven by Playwright. One per test class (<c>IClassFixture</c>); every test
/// opens its own browser context, so cookies never leak between tests. See tests/README.md.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    /// <summary>Debian's Chromium; Playwright's own browser download is never used (no `playwright install`).</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private IPlaywright _playwright = null!;
    private readonly List<IBrowserContext> _contexts = [];

    public BrowserApp() : this(new JsmsTestApp())
    {
    }

    /// <summary>Over another kind of app, e.g. one without the demo (<see cref="EmptyBrowserApp"/>).</summary>
    internal BrowserApp(JsmsTestApp app) => App = app;

    public JsmsTestApp App { get; }

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots go: $JSMS_BROWSER_ARTIFACTS, else a folder beside the test assembly.</summary>
    public static string ArtifactsDirectory =>
        Environment.GetEnvironmentVariable("JSMS_BROWSER_ARTIFACTS") is { Length: > 0 } dir
            ? dir
            : Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: apt-get install -y chromium (scripts/test.sh does).");
        }
        // Two shared cores run the app, the browser and the test: be patient before calling it a failure.
        Assertions.SetDefaultExpectTimeout(15_000);
        await App.InitializeAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        await App.DisposeAsync();
    }

    /// <summary>A fresh page in a context of its own (no cookies), with relative URLs resolved against the app.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseAddress.ToString().TrimEnd('/'),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(15_000);
        _contexts.Add(context);
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the login form (demo password by default) and returns the page on the dashboard.</summary>
    public async Task<IPage> LoginAs(string username, string password = DemoScenario.DemoPassword)
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/Accounts/Login");
        await SubmitLoginAsync(page, username, password);
        // Either the signed-in layout or the login error appears; then decide which.
        await page.Locator("[data-testid=current-user], [data-testid=login-error]").First.WaitForAsync();
        if (PathOf(page) != "/")
        {
            var error = await page.Locator("[data-testid=login-error]").AllInnerTextsAsync();
            throw new InvalidOperationException($"{username} did not reach the dashboard but {page.Url}: {string.Join(" ", error)}");
        }
        return page;
    }

    /// <summary>The path of the page's current URL, e.g. "/Accounts/Login".</summary>
    public static string PathOf(IPage page) => new Uri(page.Url).AbsolutePath;

    public static async Task SubmitLoginAsync(IPage page, string username, string password)
    {
        await page.FillAsync("input[name=Username]", username);
        await page.FillAsync("input[name=Password]", password);
        await page.ClickAsync("form button[type=submit]");
    }

    /// <summary>Saves a screenshot as ARTIFACTS/NAME.png (the full page, or only the viewport) and returns its path.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name, bool fullPage = true)
    {
        Directory.CreateDirectory(ArtifactsDirectory);
        var path = Path.Combine(ArtifactsDirectory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        return path;
    }
}
