using System.Text.Json;
using Jsms.Platform.Access;

namespace Jsms.Features.Exercises;

internal sealed record CreateExerciseRequest(string? Name, string? Kind, string? Scenario, string? StartsOn, string? EndsOn,
    string[]? Participants, JsonElement? Area, Guid? ConsentId, ObjectiveRequest[]? Objectives, MarkingInput? Marking);
