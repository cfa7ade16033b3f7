using Jsms.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Jsms.BrowserTests;

/// <summary>The agency and user pickers of the marking fields, driven by the keyboard.</summary>
public sealed class DirectoryPickerTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Typing_in_release_to_lists_agencies_and_the_keyboard_takes_one()
    {
        var page = await browser.LoginAs("pk.analyst");
        await page.GotoAsync("/Tracking/Sensor");
        var field = page.Locator("[data-testid=marking-release-to]");

        await field.PressSequentiallyAsync("cn-");

        await Expect(field).ToHaveAttributeAsync("aria-expanded", "true");
        var listbox = page.GetByRole(Microsoft.Playwright.AriaRole.Listbox, new() { Name = "Release to" });
        await Expect(listbox.GetByRole(Microsoft.Playwright.AriaRole.Option).First).ToContainTextAsync("CN-MPS");
        await BrowserApp.ScreenshotAsync(page, "directory-picker");
        await field.PressAsync("ArrowDown");
        await field.PressAsync("Enter");

        await Expect(field).ToHaveValueAsync("CN-MPS, ");
        await Expect(field).ToHaveAttributeAsync("aria-expanded", "false");
    }
}
