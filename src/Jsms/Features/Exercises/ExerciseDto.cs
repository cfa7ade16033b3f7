using System.Text.Json;
using Jsms.Platform.Access;
using Jsms.Platform.Audit;

namespace Jsms.Features.Exercises;

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
