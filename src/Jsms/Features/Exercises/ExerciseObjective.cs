using Jsms.Platform.Audit;

namespace Jsms.Features.Exercises;

/// <summary>What the exercise sets out to test (code and text), and what the after-action report says of it.</summary>
internal sealed class ExerciseObjective : IAudited
{
    public Guid Id { get; set; }
    public Guid ExerciseId { get; set; }
    public string Code { get; set; } = "";
    public string Text { get; set; } = "";
    public ObjectiveResult? Result { get; set; }
    public string? Evidence { get; set; }
    public string? Strengths { get; set; }
    public string? AreasForImprovement { get; set; }
}
