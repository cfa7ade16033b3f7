using System.Net;
using Jsms.Features.Exercises;
using Jsms.Features.Lessons;

namespace Jsms.Tests.Exercises;

/// <summary>The exercise and lesson pages over HTTP with the sign-in cookie: who sees them, and the forms' refusals.</summary>
public sealed class ExercisePagesTests(JsmsTestApp app) : IClassFixture<JsmsTestApp>
{
    private async Task<ExerciseSummaryDto> Demo()
    {
        using var client = await app.LoginAs("pk.coordinator");
        return (await client.GetAs<List<ExerciseSummaryDto>>("/api/exercises")).Single(e => e.Name.StartsWith("Arabian Monsoon", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_demo_exercise_pages_show_to_its_agencies_and_answer_404_to_others()
    {
        var demo = await Demo();
        using var russia = await app.SignInWebAsync("ru.analyst");
        foreach (var (path, shows) in new[] { ("/Exercises", "Arabian Monsoon"), ($"/Exercises/Exercise/{demo.Id}", "Arabian Monsoon"),
                     ($"/Exercises/Msel/{demo.Id}", "Skiffs ALPHA and BRAVO"), ($"/Exercises/Aar/{demo.Id}", "Arabian Monsoon"), ("/Lessons", "Boarding teams had no direct radio link") })
        {
            var response = await russia.Client.GetAsync(path);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
            Assert.Contains(shows, html, StringComparison.Ordinal);
        }
        var aar = await russia.Client.GetStringAsync($"/Exercises/Aar/{demo.Id}");
        Assert.Contains("data-testid=\"improvement-plan\"", aar, StringComparison.Ordinal);
        Assert.Contains("exercises.css", aar, StringComparison.Ordinal);

        using var china = await app.SignInWebAsync("cn.liaison");
        foreach (var path in new[] { $"/Exercises/Exercise/{demo.Id}", $"/Exercises/Msel/{demo.Id}", $"/Exercises/Aar/{demo.Id}" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await china.Client.GetAsync(path)).StatusCode);
        }
        Assert.DoesNotContain("Arabian Monsoon", await china.Client.GetStringAsync("/Exercises"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_phase_form_moves_one_phase_and_shows_a_refused_skip_beside_it()
    {
        using var web = await app.SignInWebAsync("pk.analyst");
        var created = await web.PostFormAsync("/Exercises", [
            new("NewExercise.Name", "Harbour Shield " + Guid.NewGuid().ToString("N")[..6]), new("NewExercise.Kind", "TableTop"),
            new("NewExercise.StartsOn", "2026-04-01"), new("NewExercise.EndsOn", "2026-04-02"), new("NewExercise.Participants", "RU-NAC"),
            new("NewExercise.Objectives", "O1: Share the picture.\nO2: Agree the response."), new("NewExercise.Marking.Tlp", "AMBER")]);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var path = BrowserlessSession.FinalPath(created);
        Assert.StartsWith("/Exercises/Exercise/", path, StringComparison.Ordinal);

        var skip = await web.PostFormAsync(path, [new("Move.To", "Execution"), new("Move.Note", "Straight to it.")], handler: "Phase");
        Assert.Equal(HttpStatusCode.Conflict, skip.StatusCode);
        Assert.Contains("one phase at a time", await skip.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var moved = await web.PostFormAsync(path, [new("Move.To", "InitialPlanningConference"), new("Move.Note", "Concept approved."),
            new("Move.DocumentName", "Concept note"), new("Move.DocumentUrl", "https://example.org/concept")], handler: "Phase");
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var html = await moved.Content.ReadAsStringAsync();
        Assert.Contains("data-phase=\"InitialPlanningConference\" aria-current=\"step\"", html, StringComparison.Ordinal);
        Assert.Contains("Concept approved.", html, StringComparison.Ordinal);

        var bad = await web.PostFormAsync("/Exercises", [new("NewExercise.Name", ""), new("NewExercise.Kind", "Naval"), new("NewExercise.Marking.Tlp", "AMBER")]);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("data-field=\"kind\"", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lesson_moves_through_its_steps_on_its_page()
    {
        using var web = await app.SignInWebAsync("pk.analyst");
        var created = await web.PostFormAsync("/Lessons", [new("NewObservation.Title", "Night watch thin " + Guid.NewGuid().ToString("N")[..6]),
            new("NewObservation.Observation", "One sentry for the whole pier."), new("NewObservation.Marking.Tlp", "AMBER")]);
        var path = BrowserlessSession.FinalPath(created);
        Assert.StartsWith("/Lessons/Lesson/", path, StringComparison.Ordinal);
        var early = await web.PostFormAsync(path, [new("Validation.ValidationNote", "Too soon.")], handler: "Validate");
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        await web.PostFormAsync(path, [new("Identify.Analysis", "Rota too thin."), new("Identify.RootCause", "Staffing.")], handler: "Identify");
        await web.PostFormAsync(path, [new("Assign.Action", "Two sentries at night."), new("Assign.ActionAgency", "PK-NACTA"), new("Assign.DueOn", "2026-04-01")], handler: "Assign");
        await web.PostFormAsync(path, [new("Status.Status", "Done")], handler: "Status");
        var learned = await web.PostFormAsync(path, [new("Validation.ValidationNote", "Checked on three nights.")], handler: "Validate");
        Assert.Equal(HttpStatusCode.OK, learned.StatusCode);
        using var client = await app.LoginAs("pk.analyst");
        var lesson = await client.GetAs<LessonDto>("/api/lessons/" + path.Split('/')[^1]);
        Assert.Equal(LessonStage.LessonLearned, lesson.Stage);
    }
}
