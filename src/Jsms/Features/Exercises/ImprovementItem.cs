using Jsms.Platform.Audit;

namespace Jsms.Features.Exercises;

/// <summary>A corrective action of the improvement plan: what, which agency, by when, how far.</summary>
internal sealed class ImprovementItem : IAudited
{
    public Guid Id { get; set; }
    public Guid ExerciseId { get; set; }
    public string? ObjectiveCode { get; set; }
    public string CorrectiveAction { get; set; } = "";
    public Guid OwnerAgencyId { get; set; }
    public DateOnly DueOn { get; set; }
    public ImprovementStatus Status { get; set; }
    /// <summary>The lesson observation it was turned into, if any.</summary>
    public Guid? LessonId { get; set; }
}
