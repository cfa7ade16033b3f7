using Jsms.Platform.Audit;

namespace Jsms.Features.Training;

/// <summary>One run of a course: dates, place, facilitators. Read by whoever may read the course.</summary>
internal sealed class TrainingSession : IAudited
{
    public Guid Id { get; set; }
    public Guid CourseId { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    public string Place { get; set; } = "";
    public List<string> Facilitators { get; set; } = [];
    public DateTime CreatedAt { get; set; }
}
