namespace Jsms.Features.Exercises;

internal sealed class AssessForm
{
    public Guid ObjectiveId { get; set; }
    public string? Result { get; set; }
    public string? Evidence { get; set; }
    public string? Strengths { get; set; }
    public string? AreasForImprovement { get; set; }
}
