using Jsms.Platform.Access;

namespace Jsms.Features.Exercises;

internal sealed record ExerciseSummaryDto(Guid Id, string Name, ExerciseKind Kind, ExercisePhase Phase, DateOnly StartsOn, DateOnly EndsOn,
    string Organiser, IReadOnlyList<string> Participants, DateTime? AarDueAt, bool AarOverdue, MarkingDto Marking);
