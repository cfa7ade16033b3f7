using Jsms.Platform.Access;
using Jsms.Platform.Audit;
using NetTopologySuite.Geometries;

namespace Jsms.Features.Exercises;

/// <summary>
/// A joint exercise: owned by the organising agency and released to each participating agency (a
/// <see cref="ReleaseGrant"/> per participant, kept in step with <see cref="Participants"/>), moving through the
/// planning phases (<see cref="ExercisePhases"/>), with objectives, a master scenario events list (injects), phase
/// decisions, an after-action report and an improvement plan.
/// </summary>
internal sealed class Exercise : IReleasable, IAudited
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public ExerciseKind Kind { get; set; }
    public string? Scenario { get; set; }
    public ExercisePhase Phase { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    /// <summary>Where it is played: a Polygon or MultiPolygon in longitude/latitude (SRID 4326).</summary>
    public Geometry? Area { get; set; }
    /// <summary>The consent it runs under on a partner's territory (operations module; not checked yet).</summary>
    public Guid? ConsentId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? ExecutionStartedAt { get; set; }
    public DateTime? ExecutionEndedAt { get; set; }
    /// <summary>The after-action report is due about 30 days after execution ends.</summary>
    public DateTime? AarDueAt { get; set; }
    /// <summary>The improvement plan is due about 60 days after execution ends.</summary>
    public DateTime? ImprovementPlanDueAt { get; set; }
    /// <summary>When the report was issued (the exercise left the AfterActionReport phase).</summary>
    public DateTime? AarIssuedAt { get; set; }
    /// <summary>When the overdue report raised its alert (claimed once by <see cref="AarMonitor"/>).</summary>
    public DateTime? AarEscalatedAt { get; set; }
    public string? HotWashNotes { get; set; }
    public string? AarSummary { get; set; }

    public List<ExerciseParticipant> Participants { get; set; } = [];
    public List<ExerciseObjective> Objectives { get; set; } = [];
    public List<Inject> Injects { get; set; } = [];
    public List<PhaseDecision> Decisions { get; set; } = [];
    public List<ImprovementItem> Improvements { get; set; } = [];

    public Guid OwnerAgencyId { get; set; }
    public Tlp Tlp { get; set; }
    public Guid CreatedByUserId { get; set; }
}
