using System.Net;
using Jsms.Features.Exercises;
using Jsms.Features.Lessons;
using Jsms.Tests.Exercises;

namespace Jsms.Tests.Lessons;

/// <summary>Lessons learned over HTTP: the chain observation → lesson → remedial action → learned, release between partners, the board.</summary>
public sealed class LessonApiTests(JsmsTestApp app) : IClassFixture<JsmsTestApp>
{
    private const string Base = "/api/lessons";

    private string Day(int offset) => ExerciseScenario.Today(app).AddDays(offset).ToString("yyyy-MM-dd");

    private async Task<LessonDto> Observe(string user, object? marking, Guid? exerciseId = null)
    {
        using var client = await app.LoginAs(user);
        return await (await client.Post(Base, new
        {
            title = $"Boarding teams lacked a common radio net {Guid.NewGuid():N}",
            observation = "The two boarding teams could not talk to each other directly.",
            observedOn = Day(-1),
            exerciseId,
            marking,
        })).Read<LessonDto>(HttpStatusCode.Created);
    }

    [Fact]
    public async Task An_observation_becomes_a_lesson_learned_step_by_step_and_is_seen_only_by_partners_it_was_released_to()
    {
        var lesson = await Observe("pk.analyst", new { tlp = "AMBER", releaseTo = new[] { "RU-NAC" } });
        Assert.Equal(LessonStage.Observation, lesson.Stage);
        Assert.Equal("pk.analyst", lesson.RecordedBy);
        using var pakistan = await app.LoginAs("pk.analyst");
        using var russia = await app.LoginAs("ru.analyst");
        using var china = await app.LoginAs("cn.liaison");

        // Out of order: 409.
        Assert.Equal(HttpStatusCode.Conflict, (await pakistan.Post($"{Base}/{lesson.Id}/action", new { action = "a", actionAgency = "RU-NAC", dueOn = Day(5) })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await pakistan.Post($"{Base}/{lesson.Id}/validate", new { validationNote = "n" })).StatusCode);

        var identified = await (await pakistan.Post($"{Base}/{lesson.Id}/identify", new { analysis = "Radios of two makes.", rootCause = "No agreed interoperable equipment." })).Read<LessonDto>();
        Assert.Equal(LessonStage.LessonIdentified, identified.Stage);
        var assigned = await (await pakistan.Post($"{Base}/{lesson.Id}/action", new { action = "Agree a common maritime radio net.", actionAgency = "RU-NAC", dueOn = Day(-2) })).Read<LessonDto>();
        Assert.Equal((LessonStage.RemedialAction, "RU-NAC", ActionStatus.Open, true), (assigned.Stage, assigned.ActionAgency, assigned.ActionStatus!.Value, assigned.Overdue));

        // The action body sees it on its board, overdue, and reports it done; not learned before that.
        var board = await russia.GetAs<LessonBoardDto>($"{Base}/board");
        var row = Assert.Single(board.Agencies.Single(a => a.Agency == "RU-NAC").Actions, a => a.Id == lesson.Id);
        Assert.True(row.Overdue);
        Assert.True(row.CanUpdateAction);
        Assert.Equal(HttpStatusCode.Conflict, (await pakistan.Post($"{Base}/{lesson.Id}/validate", new { validationNote = "n" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await russia.Post($"{Base}/{lesson.Id}/validate", new { validationNote = "n" })).StatusCode);
        await (await russia.Patch($"{Base}/{lesson.Id}/action", new { status = "Done" })).Read<LessonDto>();
        Assert.DoesNotContain((await russia.GetAs<LessonBoardDto>($"{Base}/board")).Agencies.SelectMany(a => a.Actions), a => a.Id == lesson.Id);

        var learned = await (await pakistan.Post($"{Base}/{lesson.Id}/validate", new { validationNote = "Common net used throughout the next drill." })).Read<LessonDto>();
        Assert.Equal(LessonStage.LessonLearned, learned.Stage);
        Assert.NotNull(learned.LearnedAt);
        Assert.Equal(HttpStatusCode.Conflict, (await pakistan.Post($"{Base}/{lesson.Id}/validate", new { validationNote = "again" })).StatusCode);

        // A partner it was not released to: 404, and absent from its lists and board.
        Assert.Equal(HttpStatusCode.OK, (await russia.GetAsync($"{Base}/{lesson.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await china.GetAsync($"{Base}/{lesson.Id}")).StatusCode);
        Assert.DoesNotContain(await china.GetAs<List<LessonDto>>(Base), l => l.Id == lesson.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await china.Patch($"{Base}/{lesson.Id}/action", new { status = "Done" })).StatusCode);
    }

    [Fact]
    public async Task A_lesson_not_released_to_a_partner_stays_hidden_even_from_its_action_body()
    {
        var lesson = await Observe("pk.analyst", new { tlp = "AMBER" });
        using var pakistan = await app.LoginAs("pk.analyst");
        await (await pakistan.Post($"{Base}/{lesson.Id}/identify", new { analysis = "a", rootCause = "r" })).Read<LessonDto>();
        await (await pakistan.Post($"{Base}/{lesson.Id}/action", new { action = "Fix it.", actionAgency = "RU-NAC", dueOn = Day(10) })).Read<LessonDto>();
        using var russia = await app.LoginAs("ru.analyst");
        Assert.Equal(HttpStatusCode.NotFound, (await russia.GetAsync($"{Base}/{lesson.Id}")).StatusCode);
        Assert.DoesNotContain(await russia.GetAs<List<LessonDto>>(Base), l => l.Id == lesson.Id);
        Assert.DoesNotContain((await russia.GetAs<LessonBoardDto>($"{Base}/board")).Agencies.SelectMany(a => a.Actions), a => a.Id == lesson.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await russia.Patch($"{Base}/{lesson.Id}/action", new { status = "Done" })).StatusCode);
        // The owner's board has it, not overdue, under the action body.
        var mine = (await pakistan.GetAs<LessonBoardDto>($"{Base}/board")).Agencies.Single(a => a.Agency == "RU-NAC").Actions.Single(a => a.Id == lesson.Id);
        Assert.False(mine.Overdue);
    }

    [Fact]
    public async Task A_lesson_is_validated_by_an_objective_met_in_a_readable_exercise()
    {
        var exercise = await ExerciseScenario.InExecution(app);
        var objective = exercise.Objectives.Single();
        using var pakistan = await app.LoginAs("pk.analyst");
        var lesson = await Observe("pk.analyst", null, exercise.Id);
        Assert.Equal(exercise.Id, lesson.ExerciseId);
        await (await pakistan.Post($"{Base}/{lesson.Id}/identify", new { analysis = "a", rootCause = "r" })).Read<LessonDto>();
        await (await pakistan.Post($"{Base}/{lesson.Id}/action", new { action = "Train.", actionAgency = "PK-NACTA", dueOn = Day(3) })).Read<LessonDto>();
        await (await pakistan.Patch($"{Base}/{lesson.Id}/action", new { status = "Done" })).Read<LessonDto>();

        var notMet = await (await pakistan.Post($"{Base}/{lesson.Id}/validate", new { validationNote = "n", objectiveId = objective.Id })).ValidationErrors();
        Assert.Contains("objectiveId", notMet.Keys);
        await (await pakistan.Put($"/api/exercises/{exercise.Id}/objectives/{objective.Id}", new { result = "Met", evidence = "Report in 9 minutes." })).Read<ExerciseDto>();
        var unknown = await pakistan.Post($"{Base}/{lesson.Id}/validate", new { validationNote = "n", objectiveId = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("objectiveId", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var learned = await (await pakistan.Post($"{Base}/{lesson.Id}/validate", new { validationNote = "Met in the next drill.", objectiveId = objective.Id })).Read<LessonDto>();
        Assert.Equal(objective.Id, learned.ValidatedByObjectiveId);
        Assert.Contains(await pakistan.GetAs<List<LessonDto>>($"{Base}?exerciseId={exercise.Id}&stage=LessonLearned"), l => l.Id == lesson.Id);
    }

    [Fact]
    public async Task Bad_requests_name_the_field()
    {
        using var client = await app.LoginAs("pk.analyst");
        var errors = await (await client.Post(Base, new { title = "", observedOn = "yesterday", marking = new { tlp = "PURPLE" } })).ValidationErrors();
        foreach (var field in new[] { "title", "observation", "observedOn", "marking.tlp" })
        {
            Assert.Contains(field, errors.Keys);
        }
        Assert.Contains("exerciseId", (await (await client.Post(Base, new { title = "t", observation = "o", incidentId = Guid.NewGuid(), operationId = Guid.NewGuid() })).ValidationErrors()).Keys);
        // An exercise the caller may not read: 404 naming the field.
        var hidden = await ExerciseScenario.Create(app, user: "cn.liaison", participants: ["PK-NACTA"]);
        using var russia = await app.LoginAs("ru.analyst");
        var refused = await russia.Post(Base, new { title = "t", observation = "o", exerciseId = hidden.Id });
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Contains("exerciseId", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var lesson = await Observe("pk.analyst", null);
        Assert.Equal(["analysis", "rootCause"], (await (await client.Post($"{Base}/{lesson.Id}/identify", new { })).ValidationErrors()).Keys.Order(StringComparer.Ordinal).ToArray());
        await (await client.Post($"{Base}/{lesson.Id}/identify", new { analysis = "a", rootCause = "r" })).Read<LessonDto>();
        var action = await (await client.Post($"{Base}/{lesson.Id}/action", new { action = "", actionAgency = "XX-NONE", dueOn = "2026-02-30" })).ValidationErrors();
        Assert.Equal(["action", "actionAgency", "dueOn"], action.Keys.Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"{Base}?stage=Forgotten")).StatusCode);
    }

    [Fact]
    public async Task The_demo_exercise_and_its_lessons_are_shared_by_pakistan_and_russia_only()
    {
        using var russia = await app.LoginAs("ru.analyst");
        var demo = Assert.Single(await russia.GetAs<List<ExerciseSummaryDto>>("/api/exercises"), e => e.Name.StartsWith("Arabian Monsoon", StringComparison.Ordinal));
        var exercise = await russia.GetAs<ExerciseDto>($"/api/exercises/{demo.Id}");
        Assert.Equal(ExercisePhase.AfterActionReport, exercise.Phase);
        Assert.InRange(exercise.Injects.Count, 6, 10);
        Assert.NotNull(exercise.HotWashNotes);
        var lessons = await russia.GetAs<List<LessonDto>>($"{Base}?exerciseId={demo.Id}");
        Assert.Contains(lessons, l => l.Stage == LessonStage.RemedialAction && l.Overdue && l.ActionAgency == "RU-NAC");
        Assert.Contains(await russia.GetAs<List<LessonDto>>($"{Base}?stage=LessonLearned"), l => l.Title.Contains("(demo)", StringComparison.Ordinal));
        var board = await russia.GetAs<LessonBoardDto>($"{Base}/board");
        Assert.True(board.Agencies.Single(a => a.Agency == "RU-NAC").Overdue >= 1);

        using var china = await app.LoginAs("cn.liaison");
        Assert.DoesNotContain(await china.GetAs<List<ExerciseSummaryDto>>("/api/exercises"), e => e.Id == demo.Id);
        Assert.DoesNotContain(await china.GetAs<List<LessonDto>>(Base), l => l.Title.Contains("(demo)", StringComparison.Ordinal));
    }
}
