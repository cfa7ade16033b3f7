using Jsms.Platform.Access;

namespace Jsms.Features.Lessons;

internal sealed record CreateObservationRequest(string? Title, string? Observation, string? ObservedOn, Guid? ExerciseId, Guid? OperationId,
    Guid? IncidentId, MarkingInput? Marking);
