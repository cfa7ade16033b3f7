using Jsms.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Jsms.BrowserTests;

/// <summary>An agency with no records yet: every list says what to do next, and a viewer is not told to use a form they lack.</summary>
public sealed class EmptyStateTests(EmptyBrowserApp empty) : IClassFixture<EmptyBrowserApp>
{
    private static readonly string[] Lists =
    [
        "/Protection/Sites", "/Protection/Persons", "/Protection/Movements", "/Tracking/Devices", "/Tracking/Sensors",
        "/Incidents", "/Operations", "/Operations/Consents", "/Operations/JointOperations", "/Exercises", "/Lessons",
        "/Training", "/Equipment", "/Assistance", "/Consultations", "/Consultations/Urgent",
    ];

    [Fact]
    public async Task Every_empty_list_tells_the_coordinator_what_to_do()
    {
        var page = await empty.Browser.LoginAs(EmptyBrowserApp.Coordinator);
        foreach (var list in Lists)
        {
            await page.GotoAsync(list);
            var state = page.GetByTestId("empty-state").First;
            await Expect(state).ToBeVisibleAsync();
            var text = await state.InnerTextAsync();
            Assert.True(text.Contains('—', StringComparison.Ordinal) && text.Length > 30, $"{list}: \"{text}\" does not say what to do");
        }
        await page.GotoAsync("/Incidents");
        await Expect(page.GetByTestId("empty-state")).ToHaveTextAsync("No incidents yet — import GTD/ACLED/UCDP or add one.");
        await BrowserApp.ScreenshotAsync(page, "empty-incidents");
    }

    [Fact]
    public async Task A_viewer_is_not_sent_to_forms_they_cannot_use()
    {
        var page = await empty.Browser.LoginAs(EmptyBrowserApp.Viewer);
        foreach (var list in Lists)
        {
            await page.GotoAsync(list);
            var text = string.Join(" ", await page.GetByTestId("empty-state").AllInnerTextsAsync());
            Assert.True(text.Length > 0, $"{list} shows no empty state to the viewer");
            Assert.DoesNotContain("form below", text, StringComparison.Ordinal);
            Assert.DoesNotContain("with “New", text, StringComparison.Ordinal);
        }
    }
}
