namespace Jsms.Features.Exercises;

internal sealed class MarkForm
{
    public Guid InjectId { get; set; }
    public string? ObservedAction { get; set; }
    public string? Assessment { get; set; }
}
