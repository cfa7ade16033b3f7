using Jsms.Platform.Audit;

namespace Jsms.Features.Exercises;

/// <summary>The dated decision (or note) that moved an exercise from one phase to the next, with its documents.</summary>
internal sealed class PhaseDecision : IAudited
{
    public Guid Id { get; set; }
    public Guid ExerciseId { get; set; }
    public ExercisePhase FromPhase { get; set; }
    public ExercisePhase ToPhase { get; set; }
    public DateOnly DecidedOn { get; set; }
    public string Note { get; set; } = "";
    public Guid DecidedByUserId { get; set; }
    public DateTime RecordedAt { get; set; }
    public List<PhaseDocument> Documents { get; set; } = [];
}
