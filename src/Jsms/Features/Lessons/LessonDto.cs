using Jsms.Platform.Access;
using Jsms.Platform.Audit;

namespace Jsms.Features.Lessons;

internal sealed record LessonDto(Guid Id, LessonStage Stage, string Title, string Observation, DateOnly ObservedOn, string RecordedBy,
    Guid? ExerciseId, Guid? OperationId, Guid? IncidentId, Guid? ImprovementItemId,
    string? Analysis, string? RootCause, DateTime? IdentifiedAt,
    string? Action, string? ActionAgency, DateOnly? ActionDueOn, ActionStatus? ActionStatus, bool Overdue, DateTime? ActionAssignedAt,
    string? ValidationNote, Guid? ValidatedByObjectiveId, DateTime? LearnedAt, bool CanChange, bool CanUpdateAction, MarkingDto Marking) : IAuditedRead
{
    string IAuditedRead.RecordType => nameof(Lesson);

    Tlp IAuditedRead.Tlp => IAuditedRead.LevelOf(Marking);
}
