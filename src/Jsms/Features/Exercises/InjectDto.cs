namespace Jsms.Features.Exercises;

internal sealed record InjectDto(Guid Id, int Number, DateTime PlannedAt, string Sender, string Receiver, string Method, string Content,
    string? ExpectedAction, string? ObjectiveCode, bool Unplanned, DateTime? DeliveredAt, string? ObservedAction, ObjectiveResult? Assessment,
    SimulatedEventDto? Simulated, Guid? ReplayAlertId);
