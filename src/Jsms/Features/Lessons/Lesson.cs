using Jsms.Platform.Access;
using Jsms.Platform.Audit;

namespace Jsms.Features.Lessons;

/// <summary>
/// One observation and what became of it: a lesson identified (analysis, root cause), a remedial action assigned to an
/// action body (an agency) with a due date, and a lesson learned once validated (optionally by an objective met in a
/// later exercise). A releasable record: a partner sees only what it was released.
/// </summary>
internal sealed class Lesson : IReleasable, IAudited
{
    public Guid Id { get; set; }
    public LessonStage Stage { get; set; }
    public string Title { get; set; } = "";
    public string Observation { get; set; } = "";
    public DateOnly ObservedOn { get; set; }
    /// <summary>Where it was observed: an exercise, a joint operation or an incident, each checked readable when the observation is recorded.</summary>
    public Guid? ExerciseId { get; set; }
    public Guid? OperationId { get; set; }
    public Guid? IncidentId { get; set; }
    /// <summary>The improvement-plan item it was made from, if any.</summary>
    public Guid? ImprovementItemId { get; set; }

    public string? Analysis { get; set; }
    public string? RootCause { get; set; }
    public DateTime? IdentifiedAt { get; set; }

    public string? Action { get; set; }
    public Guid? ActionAgencyId { get; set; }
    public DateOnly? ActionDueOn { get; set; }
    public ActionStatus? ActionStatus { get; set; }
    public DateTime? ActionAssignedAt { get; set; }

    public string? ValidationNote { get; set; }
    /// <summary>The objective, met in a later exercise, that validated the lesson.</summary>
    public Guid? ValidatedByObjectiveId { get; set; }
    public DateTime? LearnedAt { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public Guid OwnerAgencyId { get; set; }
    public Tlp Tlp { get; set; }
    public Guid CreatedByUserId { get; set; }
}
