using Jsms.Platform.Access;

namespace Jsms.Features.Lessons;

internal sealed class ObservationForm
{
    public string? Title { get; set; }
    public string? Observation { get; set; }
    public string? ObservedOn { get; set; }
    public Guid? ExerciseId { get; set; }
    public MarkingForm Marking { get; set; } = new();
}
