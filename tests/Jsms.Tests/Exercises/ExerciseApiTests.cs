using System.Net;
using Jsms.Features.Alerts;
using Jsms.Features.Exercises;
using Jsms.Features.Tracking;
using Microsoft.EntityFrameworkCore;
using static Jsms.Tests.Exercises.ExerciseScenario;

namespace Jsms.Tests.Exercises;

/// <summary>Exercises over HTTP: the phase rules, the MSEL during execution, the exercise replay and every refusal.</summary>
public sealed class ExerciseApiTests(JsmsTestApp app) : IClassFixture<JsmsTestApp>
{
    [Fact]
    public async Task Phases_move_forward_one_at_a_time_with_a_dated_decision_and_skipping_is_refused()
    {
        var exercise = await Create(app);
        Assert.Equal(ExercisePhase.Concept, exercise.Phase);
        using var client = await app.LoginAs("pk.analyst");

        var skip = await Move(client, exercise.Id, "MainPlanningConference");
        Assert.Equal(HttpStatusCode.Conflict, skip.StatusCode);
        Assert.Contains("InitialPlanningConference", await skip.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var moved = await (await client.Post($"{Base}/{exercise.Id}/phase", new
        {
            to = "InitialPlanningConference",
            decidedOn = Today(app).ToString("yyyy-MM-dd"),
            note = "Concept approved by both ministries.",
            documents = new object[]
            {
                new { name = "Concept note", url = "https://example.org/concept.pdf" },
                new { name = "Decision record", text = "Both sides agree on the concept." },
            },
        })).Read<ExerciseDto>();
        Assert.Equal(ExercisePhase.InitialPlanningConference, moved.Phase);
        Assert.Equal(ExercisePhase.MainPlanningConference, moved.NextPhase);
        var decision = Assert.Single(moved.Decisions);
        Assert.Equal((ExercisePhase.Concept, ExercisePhase.InitialPlanningConference), (decision.From, decision.To));
        Assert.Equal(2, decision.Documents.Count);
        Assert.Equal("pk.analyst", decision.DecidedBy);

        // Backwards is refused too; a participant may read the exercise but not move it.
        Assert.Equal(HttpStatusCode.Conflict, (await Move(client, exercise.Id, "Concept")).StatusCode);
        using var russia = await app.LoginAs("ru.analyst");
        Assert.Equal(HttpStatusCode.OK, (await russia.GetAsync($"{Base}/{exercise.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Move(russia, exercise.Id, "MainPlanningConference")).StatusCode);

        // Cancelled ends any phase, and nothing moves after it.
        Assert.Equal(ExercisePhase.Cancelled, (await (await Move(client, exercise.Id, "Cancelled")).Read<ExerciseDto>()).Phase);
        Assert.Equal(HttpStatusCode.Conflict, (await Move(client, exercise.Id, "MainPlanningConference")).StatusCode);
    }

    [Fact]
    public async Task Execution_cannot_start_before_the_start_date_nor_without_an_objective_and_an_inject()
    {
        using var client = await app.LoginAs("pk.analyst");
        var later = await Create(app, startsInDays: 1);
        await AddInject(app, later.Id);
        await MoveTo(app, later.Id, ExercisePhase.FinalPlanningConference);
        var early = await Move(client, later.Id, "Execution");
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("start date", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var empty = await Create(app, withObjective: false);
        await MoveTo(app, empty.Id, ExercisePhase.FinalPlanningConference);
        Assert.Equal(HttpStatusCode.Conflict, (await Move(client, empty.Id, "Execution")).StatusCode);
        await (await client.Post($"{Base}/{empty.Id}/objectives", new { code = "O1", text = "Coordinate the boarding." })).Read<ExerciseDto>();
        Assert.Equal(HttpStatusCode.Conflict, (await Move(client, empty.Id, "Execution")).StatusCode);
        await AddInject(app, empty.Id);
        var running = await (await Move(client, empty.Id, "Execution")).Read<ExerciseDto>();
        Assert.Equal(ExercisePhase.Execution, running.Phase);
        Assert.NotNull(running.ExecutionStartedAt);
    }

    [Fact]
    public async Task The_msel_is_marked_during_execution_only_by_controllers_of_the_exercise_agencies()
    {
        var exercise = await Create(app);
        exercise = await AddInject(app, exercise.Id);
        var inject = Assert.Single(exercise.Injects);
        using var pakistan = await app.LoginAs("pk.analyst");
        using var russia = await app.LoginAs("ru.analyst");
        var mark = new { observedAction = "Contact report sent after 12 minutes.", assessment = "Met" };
        Assert.Equal(HttpStatusCode.Conflict, (await russia.Post($"{Base}/{exercise.Id}/injects/{inject.Id}/mark", mark)).StatusCode);

        await MoveTo(app, exercise.Id, ExercisePhase.Execution);
        var marked = await (await russia.Post($"{Base}/{exercise.Id}/injects/{inject.Id}/mark", mark)).Read<ExerciseDto>();
        var done = Assert.Single(marked.Injects);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, done.DeliveredAt);
        Assert.Equal(ObjectiveResult.Met, done.Assessment);
        Assert.Equal("Contact report sent after 12 minutes.", done.ObservedAction);

        // A participant's controller adds an unplanned inject; planned injects are closed during execution.
        var unplanned = await AddInject(app, exercise.Id, user: "ru.analyst");
        Assert.True(unplanned.Injects.Single(i => i.Number == 2).Unplanned);

        // Outside the exercise: 404; a viewer: 403.
        using var china = await app.LoginAs("cn.liaison");
        Assert.Equal(HttpStatusCode.NotFound, (await china.Post($"{Base}/{exercise.Id}/injects/{inject.Id}/mark", mark)).StatusCode);
        using var viewer = await app.LoginAs("pk.viewer");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.Post($"{Base}/{exercise.Id}/injects/{inject.Id}/mark", mark)).StatusCode);
        var bad = await (await russia.Post($"{Base}/{exercise.Id}/injects/{inject.Id}/mark", new { assessment = "Perfect" })).ValidationErrors();
        Assert.Contains("assessment", bad.Keys);

        // After execution the MSEL is closed.
        await MoveTo(app, exercise.Id, ExercisePhase.HotWash);
        Assert.Equal(HttpStatusCode.Conflict, (await pakistan.Post($"{Base}/{exercise.Id}/injects/{inject.Id}/mark", mark)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await russia.Post($"{Base}/{exercise.Id}/injects", new { plannedAt = DateTime.UtcNow, sender = "a", receiver = "b", method = "c", content = "d" })).StatusCode);
    }

    [Fact]
    public async Task Exercise_replay_raises_an_alert_marked_as_exercise_only_for_the_exercise_agencies()
    {
        var loitering = new { kind = "loitering", label = "Skiff RED-1", latitude = 24.7, longitude = 66.9, dwellMinutes = 25 };
        var exercise = await InExecution(app, loitering, Area);
        var inject = Assert.Single(exercise.Injects);
        var positionsBefore = await app.WithDb(db => db.Set<Position>().CountAsync());
        var sightingsBefore = await app.WithDb(db => db.Set<Sighting>().CountAsync());

        using var russia = await app.LoginAs("ru.analyst");
        var result = await (await russia.PostAsync($"{Base}/{exercise.Id}/injects/{inject.Id}/replay", null)).Read<ReplayResultDto>();
        Assert.True(result.AlertRaised);
        var alertId = result.AlertId!.Value;

        foreach (var user in new[] { "pk.analyst", "ru.analyst" })
        {
            using var client = await app.LoginAs(user);
            var alert = await client.GetAs<AlertDto>($"/api/alerts/{alertId}");
            Assert.StartsWith(ExerciseAlerts.Banner, alert.Title, StringComparison.Ordinal);
            Assert.StartsWith(ExerciseAlerts.DetailFlag, alert.Detail, StringComparison.Ordinal);
            Assert.StartsWith("exercise.", alert.Kind, StringComparison.Ordinal);
            Assert.True(alert.Evidence!.Value.GetProperty("exercise").GetBoolean());
            Assert.False(alert.Redacted);
        }
        // Partners outside the exercise never see it, neither by id nor in their list (CN-MPS is in PK-NACTA's GREEN community).
        foreach (var user in new[] { "cn.liaison", "us.analyst", "ir.coordinator" })
        {
            using var client = await app.LoginAs(user);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/alerts/{alertId}")).StatusCode);
            Assert.DoesNotContain(await client.GetAs<List<AlertDto>>("/api/alerts?limit=500"), a => a.Id == alertId);
        }
        // The live tracking state is untouched, the replay happens once, and a contact outside the area raises nothing.
        Assert.Equal(positionsBefore, await app.WithDb(db => db.Set<Position>().CountAsync()));
        Assert.Equal(sightingsBefore, await app.WithDb(db => db.Set<Sighting>().CountAsync()));
        Assert.Equal(HttpStatusCode.Conflict, (await russia.PostAsync($"{Base}/{exercise.Id}/injects/{inject.Id}/replay", null)).StatusCode);
        var outside = await AddInject(app, exercise.Id, "ru.analyst", new { kind = "loitering", latitude = 25.5, longitude = 66.9, dwellMinutes = 40 });
        var far = outside.Injects.Single(i => i.Number == 2);
        var none = await (await russia.PostAsync($"{Base}/{exercise.Id}/injects/{far.Id}/replay", null)).Read<ReplayResultDto>();
        Assert.False(none.AlertRaised);
        Assert.Equal(1, await app.WithDb(db => db.Set<Alert>().CountAsync(a => a.SubjectId == exercise.Id)));
    }

    [Fact]
    public async Task An_exercise_is_read_by_its_agencies_only()
    {
        var exercise = await Create(app);
        using var china = await app.LoginAs("cn.liaison");
        Assert.Equal(HttpStatusCode.NotFound, (await china.GetAsync($"{Base}/{exercise.Id}")).StatusCode);
        Assert.DoesNotContain(await china.GetAs<List<ExerciseSummaryDto>>(Base), e => e.Id == exercise.Id);
        using var russia = await app.LoginAs("ru.analyst");
        var seen = Assert.Single(await russia.GetAs<List<ExerciseSummaryDto>>(Base), e => e.Id == exercise.Id);
        Assert.Equal("PK-NACTA", seen.Organiser);
        Assert.Equal(["RU-NAC"], seen.Participants);
        Assert.Contains("RU-NAC", seen.Marking.ReleaseTo);
    }

    [Fact]
    public async Task Bad_requests_name_the_field()
    {
        using var client = await app.LoginAs("pk.analyst");
        var errors = await (await client.Post(Base, new
        {
            name = "",
            kind = "Naval",
            startsOn = "2026-03-20",
            endsOn = "2026-03-01",
            participants = new[] { "XX-NONE" },
            area = new { type = "Point", coordinates = new[] { 66.9, 24.7 } },
            objectives = new[] { new { code = "O1", text = "" } },
            marking = new { tlp = "RED" },
        })).ValidationErrors();
        foreach (var field in new[] { "name", "kind", "endsOn", "participants", "area", "objectives[0].text", "marking.tlp" })
        {
            Assert.Contains(field, errors.Keys);
        }
        var exercise = await Create(app);
        Assert.Contains("to", (await (await client.Post($"{Base}/{exercise.Id}/phase", new { to = "Party", note = "n" })).ValidationErrors()).Keys);
        Assert.Contains("note", (await (await client.Post($"{Base}/{exercise.Id}/phase", new { to = "InitialPlanningConference" })).ValidationErrors()).Keys);
        var doc = await (await client.Post($"{Base}/{exercise.Id}/phase", new { to = "InitialPlanningConference", note = "n", documents = new[] { new { name = "x", url = "ftp://x" } } })).ValidationErrors();
        Assert.Contains("documents[0].url", doc.Keys);
        var inject = await (await client.Post($"{Base}/{exercise.Id}/injects", new { sender = "", objectiveCode = "O9", simulated = new { kind = "loitering", latitude = 123.0, dwellMinutes = 5 } })).ValidationErrors();
        foreach (var field in new[] { "plannedAt", "sender", "receiver", "method", "content", "objectiveCode", "simulated.latitude", "simulated.longitude" })
        {
            Assert.Contains(field, inject.Keys);
        }
        Assert.Contains("code", (await (await client.Post($"{Base}/{exercise.Id}/objectives", new { code = "o1", text = "Duplicate." })).ValidationErrors()).Keys);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{Base}/{Guid.NewGuid()}")).StatusCode);
    }
}
