using Jsms.Platform.Access;

namespace Jsms.Features.Lessons;

// The request bodies of the lessons API, side by side.

internal sealed record CreateObservationRequest(string? Title, string? Observation, string? ObservedOn, Guid? ExerciseId, Guid? OperationId,
    Guid? IncidentId, MarkingInput? Marking);

internal sealed record IdentifyLessonRequest(string? Analysis, string? RootCause);

internal sealed record AssignActionRequest(string? Action, string? ActionAgency, string? DueOn);

internal sealed record ActionStatusRequest(string? Status);

internal sealed record ValidateLessonRequest(string? ValidationNote, Guid? ObjectiveId);

internal sealed record LessonFromImprovementRequest(Guid? ExerciseId, Guid? ItemId, MarkingInput? Marking);
