using System.Net;
using Jsms.Features.Exercises;
using Jsms.Tests.Infrastructure;

namespace Jsms.Tests.Exercises;

/// <summary>Builds exercises over HTTP for the tests: a PK-NACTA exercise with RU-NAC taking part, moved through its phases.</summary>
internal static class ExerciseScenario
{
    public const string Base = "/api/exercises";

    /// <summary>A polygon off Karachi (the area of the demo's maritime exercise).</summary>
    public static readonly object Area = new
    {
        type = "Polygon",
        coordinates = new[] { new[] { new[] { 66.6, 24.4 }, new[] { 67.2, 24.4 }, new[] { 67.2, 24.9 }, new[] { 66.6, 24.9 }, new[] { 66.6, 24.4 } } },
    };

    public static DateOnly Today(JsmsTestApp app) => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);

    public static async Task<ExerciseDto> Create(JsmsTestApp app, string user = "pk.analyst", int startsInDays = 0, string[]? participants = null,
        bool withObjective = true, object? area = null)
    {
        using var client = await app.LoginAs(user);
        var today = Today(app);
        var response = await client.Post(Base, new
        {
            name = $"Sea Guard {Guid.NewGuid():N}",
            kind = "Maritime",
            scenario = "A hijacked dhow heads for the port.",
            startsOn = today.AddDays(startsInDays).ToString("yyyy-MM-dd"),
            endsOn = today.AddDays(startsInDays + 2).ToString("yyyy-MM-dd"),
            participants = participants ?? ["RU-NAC"],
            area,
            objectives = withObjective ? new[] { new { code = "O1", text = "Share a maritime contact report within 15 minutes." } } : null,
        });
        return await response.Read<ExerciseDto>(HttpStatusCode.Created);
    }

    public static async Task<ExerciseDto> AddInject(JsmsTestApp app, Guid exerciseId, string user = "pk.analyst", object? simulated = null)
    {
        using var client = await app.LoginAs(user);
        var response = await client.Post($"{Base}/{exerciseId}/injects", new
        {
            plannedAt = app.Clock.GetUtcNow().UtcDateTime.AddHours(1),
            sender = "EXCON",
            receiver = "Maritime operations centre",
            method = "Radio",
            content = "Fishing vessel reports a skiff approaching at speed.",
            expectedAction = "Issue a contact report to the partner.",
            objectiveCode = "O1",
            simulated,
        });
        return await response.Read<ExerciseDto>();
    }

    public static Task<HttpResponseMessage> Move(HttpClient client, Guid exerciseId, string to)
        => client.Post($"{Base}/{exerciseId}/phase", new { to, note = $"Agreed to move to {to}." });

    /// <summary>Moves the exercise forward to <paramref name="phase"/>, asserting each step.</summary>
    public static async Task<ExerciseDto> MoveTo(JsmsTestApp app, Guid exerciseId, ExercisePhase phase, string user = "pk.analyst")
    {
        using var client = await app.LoginAs(user);
        var exercise = await client.GetAs<ExerciseDto>($"{Base}/{exerciseId}");
        while (exercise.Phase < phase)
        {
            exercise = await (await Move(client, exerciseId, (exercise.Phase + 1).ToString())).Read<ExerciseDto>();
        }
        return exercise;
    }

    /// <summary>An exercise starting today with an objective and one inject, in execution.</summary>
    public static async Task<ExerciseDto> InExecution(JsmsTestApp app, object? simulated = null, object? area = null)
    {
        var exercise = await Create(app, area: area);
        await AddInject(app, exercise.Id, simulated: simulated);
        return await MoveTo(app, exercise.Id, ExercisePhase.Execution);
    }
}
