namespace Jsms.Features.Exercises;

internal sealed record DecisionDto(Guid Id, ExercisePhase From, ExercisePhase To, DateOnly DecidedOn, string Note, string DecidedBy,
    DateTime RecordedAt, IReadOnlyList<DocumentDto> Documents);
