using System.Net;
using Jsms.Features.Alerts;
using Jsms.Features.Exercises;
using Jsms.Features.Lessons;
using Microsoft.EntityFrameworkCore;
using static Jsms.Tests.Exercises.ExerciseScenario;

namespace Jsms.Tests.Exercises;

/// <summary>After execution: the after-action report, its deadline and overdue alert, the improvement plan and its items turned into lessons.</summary>
public sealed class ExerciseAarTests(ExerciseAarTestApp app) : IClassFixture<ExerciseAarTestApp>
{
    [Fact]
    public async Task An_overdue_after_action_report_raises_one_alert_for_the_exercise_agencies()
    {
        var exercise = await InExecution(app);
        exercise = await MoveTo(app, exercise.Id, ExercisePhase.HotWash);
        var ended = app.Clock.GetUtcNow().UtcDateTime;
        Assert.Equal(ended.AddDays(30), exercise.AarDueAt);
        Assert.Equal(ended.AddDays(60), exercise.ImprovementPlanDueAt);
        var monitor = app.Service<AarMonitor>();
        await monitor.EscalateOverdueAsync(CancellationToken.None);
        Assert.Equal(0, await app.WithDb(db => db.Set<Alert>().CountAsync(a => a.SubjectId == exercise.Id)));

        app.Clock.Advance(TimeSpan.FromDays(31));
        await monitor.EscalateOverdueAsync(CancellationToken.None);
        await monitor.EscalateOverdueAsync(CancellationToken.None);
        var alert = await app.WithDb(db => db.Set<Alert>().AsNoTracking().SingleAsync(a => a.SubjectId == exercise.Id));
        Assert.Equal(AarMonitor.AlertKind, alert.Kind);
        foreach (var (user, status) in new[] { ("pk.analyst", HttpStatusCode.OK), ("ru.analyst", HttpStatusCode.OK), ("cn.liaison", HttpStatusCode.NotFound) })
        {
            using var client = await app.LoginAs(user);
            Assert.Equal(status, (await client.GetAsync($"/api/alerts/{alert.Id}")).StatusCode);
        }
        using var pakistan = await app.LoginAs("pk.analyst");
        Assert.True((await pakistan.GetAs<ExerciseDto>($"{Base}/{exercise.Id}")).AarOverdue);
    }

    [Fact]
    public async Task The_after_action_report_records_results_and_an_improvement_item_becomes_an_observation()
    {
        var exercise = await InExecution(app);
        using var pakistan = await app.LoginAs("pk.analyst");
        var objective = Assert.Single(exercise.Objectives);
        Assert.Equal(HttpStatusCode.Conflict, (await pakistan.Put($"{Base}/{exercise.Id}/aar", new { hotWashNotes = "Too early." })).StatusCode);
        exercise = await MoveTo(app, exercise.Id, ExercisePhase.HotWash);
        await (await pakistan.Put($"{Base}/{exercise.Id}/aar", new { hotWashNotes = "Radio net overloaded at H+20.", summary = "Good cooperation." })).Read<ExerciseDto>();
        var assessed = await (await pakistan.Put($"{Base}/{exercise.Id}/objectives/{objective.Id}", new
        {
            result = "PartiallyMet", evidence = "Report sent after 22 minutes.", strengths = "Clear reporting format.", areasForImprovement = "A dedicated channel.",
        })).Read<ExerciseDto>();
        Assert.Equal(ObjectiveResult.PartiallyMet, assessed.Objectives.Single().Result);
        var bad = await (await pakistan.Post($"{Base}/{exercise.Id}/improvements", new { correctiveAction = "", ownerAgency = "XX", dueOn = "soon", objectiveCode = "O7" })).ValidationErrors();
        Assert.Equal(["correctiveAction", "dueOn", "objectiveCode", "ownerAgency"], bad.Keys.Order(StringComparer.Ordinal).ToArray());
        var planned = await (await pakistan.Post($"{Base}/{exercise.Id}/improvements", new
        {
            correctiveAction = "Set up a dedicated maritime liaison channel.", ownerAgency = "RU-NAC", dueOn = Today(app).AddDays(45).ToString("yyyy-MM-dd"), objectiveCode = "O1",
        })).Read<ExerciseDto>();
        var item = Assert.Single(planned.Improvements);

        // The owner agency of the item reports its status; the item becomes an observation released like the exercise.
        using var russia = await app.LoginAs("ru.analyst");
        Assert.Equal(ImprovementStatus.InProgress, (await (await russia.Patch($"{Base}/{exercise.Id}/improvements/{item.Id}", new { status = "InProgress" })).Read<ExerciseDto>()).Improvements.Single().Status);
        Assert.Equal(HttpStatusCode.NotFound, (await russia.Post("/api/lessons/from-improvement", new { exerciseId = exercise.Id, itemId = item.Id })).StatusCode);
        var lesson = await (await pakistan.Post("/api/lessons/from-improvement", new { exerciseId = exercise.Id, itemId = item.Id })).Read<LessonDto>();
        Assert.Equal(LessonStage.Observation, lesson.Stage);
        Assert.Equal(exercise.Id, lesson.ExerciseId);
        Assert.Contains("RU-NAC", lesson.Marking.ReleaseTo);
        Assert.Equal(HttpStatusCode.OK, (await russia.GetAsync($"/api/lessons/{lesson.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await pakistan.Post("/api/lessons/from-improvement", new { exerciseId = exercise.Id, itemId = item.Id })).StatusCode);

        // Issuing the report (leaving the AfterActionReport phase) closes the exercise.
        await MoveTo(app, exercise.Id, ExercisePhase.Closed);
        var closed = await pakistan.GetAs<ExerciseDto>($"{Base}/{exercise.Id}");
        Assert.NotNull(closed.AarIssuedAt);
        Assert.Equal(lesson.Id, closed.Improvements.Single().LessonId);
    }
}
