using Jsms.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Jsms.BrowserTests;

/// <summary>
/// With no sanctions list loaded (the demo imports none), a search is refused with what to do, and no result that
/// could read as "no match" is shown.
/// </summary>
public sealed class ScreeningWithoutListsTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_search_with_no_list_loaded_is_refused_and_says_to_import_a_list()
    {
        var page = await browser.LoginAs("pk.analyst");
        await page.GotoAsync("/Screening");
        await page.GetByTestId("screen-name").FillAsync("Frank Kakolelle Bwambale");
        await page.GetByTestId("screen-submit").ClickAsync();
        await Expect(page.GetByTestId("error-lists")).ToContainTextAsync("import UN or OFAC first");
        await Expect(page.GetByTestId("screening-result")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("screen-name")).ToHaveValueAsync("Frank Kakolelle Bwambale");
        await Expect(page.GetByTestId("no-list-versions")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "screening-without-lists");
    }
}
