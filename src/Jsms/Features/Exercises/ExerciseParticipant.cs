namespace Jsms.Features.Exercises;

/// <summary>An agency taking part (besides the organiser): it reads the exercise and its controllers mark the MSEL.</summary>
internal sealed class ExerciseParticipant
{
    public Guid ExerciseId { get; set; }
    public Guid AgencyId { get; set; }
}
