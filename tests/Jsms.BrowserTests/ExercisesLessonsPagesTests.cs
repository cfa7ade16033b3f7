using System.Net.Http.Json;
using System.Text.Json;
using Jsms.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jsms.BrowserTests;

/// <summary>An exercise's MSEL played in the browser by a partner's controller during execution, and the lessons board.</summary>
public sealed class ExercisesLessonsPagesTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private static readonly string[] Russia = ["RU-NAC"];

    /// <summary>A PK-NACTA exercise with RU-NAC taking part, one objective and one inject, moved to execution over the API.</summary>
    private async Task<(Guid Id, string Name)> ExerciseInExecutionAsync()
    {
        using var client = await browser.App.LoginAs("pk.analyst");
        var today = DateOnly.FromDateTime(browser.App.Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd");
        var name = "Sea Guard " + Guid.NewGuid().ToString("N")[..6];
        var created = await client.PostAsJsonAsync("/api/exercises", new
        {
            name,
            kind = "Maritime",
            startsOn = today,
            endsOn = today,
            participants = Russia,
            objectives = new[] { new { code = "O1", text = "Share a contact report within 15 minutes." } },
        });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await client.PostAsJsonAsync($"/api/exercises/{id}/injects", new
        {
            plannedAt = browser.App.Clock.GetUtcNow().UtcDateTime,
            sender = "EXCON",
            receiver = "Operations centre",
            method = "Radio",
            content = "A skiff approaches the tanker at speed.",
            expectedAction = "Send a contact report to the partner.",
            objectiveCode = "O1",
        })).EnsureSuccessStatusCode();
        foreach (var phase in new[] { "InitialPlanningConference", "MainPlanningConference", "FinalPlanningConference", "Execution" })
        {
            (await client.PostAsJsonAsync($"/api/exercises/{id}/phase", new { to = phase, note = "Agreed." })).EnsureSuccessStatusCode();
        }
        return (id, name);
    }

    [Fact]
    public async Task A_partner_controller_marks_the_msel_during_execution()
    {
        var (id, name) = await ExerciseInExecutionAsync();
        var page = await browser.LoginAs("ru.analyst");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Modules" }).GetByRole(AriaRole.Link, new() { Name = "Exercises", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        await Expect(page.Locator("[data-testid=phase-bar] li[aria-current=step]")).ToHaveAttributeAsync("data-phase", "Execution");
        await Expect(page.GetByTestId("exercise-banner")).ToHaveTextAsync("EXERCISE EXERCISE EXERCISE");
        // A participant plays the MSEL but does not move the phases.
        await Expect(page.GetByTestId("phase-form")).ToHaveCountAsync(0);

        await page.GetByTestId("msel-link").ClickAsync();
        var row = page.Locator("[data-testid=inject-row][data-inject-number='1']");
        await Expect(row.GetByTestId("delivered")).ToHaveTextAsync("—");
        await row.GetByTestId("observed-action").FillAsync("Contact report sent after 11 minutes.");
        await row.GetByTestId("assessment-select").SelectOptionAsync("Met");
        await row.GetByTestId("mark-delivered").ClickAsync();
        await Expect(row.GetByTestId("assessment")).ToHaveTextAsync("Met");
        await Expect(row.GetByTestId("delivered")).ToContainTextAsync("UTC");
        await Expect(row).ToContainTextAsync("Contact report sent after 11 minutes.");

        var form = page.GetByTestId("inject-form");
        await form.GetByTestId("inject-sender").FillAsync("Partner liaison cell");
        await form.GetByTestId("inject-receiver").FillAsync("Operations centre");
        await form.GetByTestId("inject-method").FillAsync("Phone");
        await form.GetByTestId("inject-content").FillAsync("A second skiff is seen near the anchorage.");
        await form.GetByTestId("add-inject").ClickAsync();
        await Expect(page.Locator("[data-testid=inject-row][data-inject-number='2']")).ToContainTextAsync("unplanned");
        await BrowserApp.ScreenshotAsync(page, "exercise-msel-execution");

        // A partner outside the exercise does not find it.
        var outsider = await browser.LoginAs("cn.liaison");
        var refused = await outsider.GotoAsync($"/Exercises/Msel/{id}");
        Assert.Equal(404, refused!.Status);
    }

    [Fact]
    public async Task The_lessons_board_lists_open_remedial_actions_by_agency_overdue_first()
    {
        var page = await browser.LoginAs("ru.analyst");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Modules" }).GetByRole(AriaRole.Link, new() { Name = "Lessons", Exact = true }).ClickAsync();
        var board = page.GetByTestId("lessons-board");
        var first = board.GetByTestId("board-agency").First;
        await Expect(first).ToHaveAttributeAsync("data-agency", "RU-NAC");
        await Expect(first.GetByTestId("agency-overdue")).ToBeVisibleAsync();
        var action = first.GetByTestId("board-action").Filter(new() { HasText = "Boarding teams had no direct radio link" });
        await Expect(action.GetByTestId("overdue-badge")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "lessons-board");

        // The action body reports the action done; it leaves the board.
        await action.GetByRole(AriaRole.Link).ClickAsync();
        var status = page.GetByTestId("status-form");
        await status.Locator("select").SelectOptionAsync("Done");
        await status.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(page.GetByTestId("action-status")).ToHaveTextAsync("Done");
        await page.GotoAsync("/Lessons");
        await Expect(page.GetByTestId("lessons-board").GetByText("Boarding teams had no direct radio link")).ToHaveCountAsync(0);

        // A partner the lessons were not released to sees none of them.
        var outsider = await browser.LoginAs("cn.liaison");
        await outsider.GotoAsync("/Lessons");
        await Expect(outsider.GetByText("(demo)", new() { Exact = false }).Filter(new() { HasText = "Boarding teams" })).ToHaveCountAsync(0);
    }
}
