using System.Text.Json;
using Jsms.Platform.Access;

namespace Jsms.Features.Exercises;

// The request bodies of the exercises API, side by side: each is a plain record the service validates.

internal sealed record CreateExerciseRequest(string? Name, string? Kind, string? Scenario, string? StartsOn, string? EndsOn,
    string[]? Participants, JsonElement? Area, Guid? ConsentId, ObjectiveRequest[]? Objectives, MarkingInput? Marking);

internal sealed record ObjectiveRequest(string? Code, string? Text);

internal sealed record InjectRequest(int? Number, DateTime? PlannedAt, string? Sender, string? Receiver, string? Method, string? Content,
    string? ExpectedAction, string? ObjectiveCode, SimulatedEventRequest? Simulated);

internal sealed record SimulatedEventRequest(string? Kind, string? Label, double? Latitude, double? Longitude, int? DwellMinutes);

internal sealed record MarkInjectRequest(DateTime? DeliveredAt, string? ObservedAction, string? Assessment);

internal sealed record PhaseRequest(string? To, string? DecidedOn, string? Note, DocumentRequest[]? Documents);

internal sealed record DocumentRequest(string? Name, string? Url, string? Text);

internal sealed record ObjectiveResultRequest(string? Result, string? Evidence, string? Strengths, string? AreasForImprovement);

internal sealed record AarRequest(string? HotWashNotes, string? Summary);

internal sealed record ImprovementRequest(string? ObjectiveCode, string? CorrectiveAction, string? OwnerAgency, string? DueOn);

internal sealed record ImprovementStatusRequest(string? Status);
