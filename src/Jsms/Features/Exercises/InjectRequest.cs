namespace Jsms.Features.Exercises;

internal sealed record InjectRequest(int? Number, DateTime? PlannedAt, string? Sender, string? Receiver, string? Method, string? Content,
    string? ExpectedAction, string? ObjectiveCode, SimulatedEventRequest? Simulated);
