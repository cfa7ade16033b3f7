using System.Text.Json;
using Jsms.Platform.Access;
using Jsms.Platform.Audit;

namespace Jsms.Features.Exercises;

// The read shapes of the exercises API, side by side.

internal sealed record ExerciseSummaryDto(Guid Id, string Name, ExerciseKind Kind, ExercisePhase Phase, DateOnly StartsOn, DateOnly EndsOn,
    string Organiser, IReadOnlyList<string> Participants, DateTime? AarDueAt, bool AarOverdue, MarkingDto Marking);

internal sealed record ExerciseDto(Guid Id, string Name, ExerciseKind Kind, ExercisePhase Phase, ExercisePhase? NextPhase, string? Scenario,
    DateOnly StartsOn, DateOnly EndsOn, JsonElement? Area, Guid? ConsentId, string Organiser, IReadOnlyList<string> Participants,
    DateTime? ExecutionStartedAt, DateTime? ExecutionEndedAt, DateTime? AarDueAt, DateTime? ImprovementPlanDueAt, DateTime? AarIssuedAt,
    bool AarOverdue, bool ImprovementPlanOverdue, string? HotWashNotes, string? AarSummary,
    IReadOnlyList<ObjectiveDto> Objectives, IReadOnlyList<InjectDto> Injects, IReadOnlyList<DecisionDto> Decisions,
    IReadOnlyList<ImprovementDto> Improvements, bool CanPlan, bool CanControl, MarkingDto Marking) : IAuditedRead
{
    string IAuditedRead.RecordType => nameof(Exercise);

    Tlp IAuditedRead.Tlp => IAuditedRead.LevelOf(Marking);
}

internal sealed record ObjectiveDto(Guid Id, string Code, string Text, ObjectiveResult? Result, string? Evidence, string? Strengths,
    string? AreasForImprovement);

internal sealed record InjectDto(Guid Id, int Number, DateTime PlannedAt, string Sender, string Receiver, string Method, string Content,
    string? ExpectedAction, string? ObjectiveCode, bool Unplanned, DateTime? DeliveredAt, string? ObservedAction, ObjectiveResult? Assessment,
    SimulatedEventDto? Simulated, Guid? ReplayAlertId);

internal sealed record SimulatedEventDto(string Kind, string? Label, double Latitude, double Longitude, int DwellMinutes);

internal sealed record DecisionDto(Guid Id, ExercisePhase From, ExercisePhase To, DateOnly DecidedOn, string Note, string DecidedBy,
    DateTime RecordedAt, IReadOnlyList<DocumentDto> Documents);

internal sealed record DocumentDto(string Name, string? Url, string? Text);

internal sealed record ImprovementDto(Guid Id, string? ObjectiveCode, string CorrectiveAction, string OwnerAgency, DateOnly DueOn,
    ImprovementStatus Status, bool Overdue, Guid? LessonId);

/// <summary>What an exercise replay of an inject did: the exercise alert it raised, or why it raised none.</summary>
internal sealed record ReplayResultDto(Guid InjectId, bool AlertRaised, Guid? AlertId, string Reason);
