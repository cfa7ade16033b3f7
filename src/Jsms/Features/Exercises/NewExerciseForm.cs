using Jsms.Platform.Access;

namespace Jsms.Features.Exercises;

internal sealed class NewExerciseForm
{
    public string? Name { get; set; }
    public string? Kind { get; set; }
    public string? Scenario { get; set; }
    public string? StartsOn { get; set; }
    public string? EndsOn { get; set; }
    public string? Participants { get; set; }
    /// <summary>One objective a line: <c>CODE: text</c>.</summary>
    public string? Objectives { get; set; }
    public MarkingForm Marking { get; set; } = new();
}
