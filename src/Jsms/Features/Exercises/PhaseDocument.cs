namespace Jsms.Features.Exercises;

/// <summary>A document of a phase decision: a name with a link, or with its text.</summary>
internal sealed class PhaseDocument
{
    public Guid Id { get; set; }
    public Guid DecisionId { get; set; }
    public string Name { get; set; } = "";
    public string? Url { get; set; }
    public string? Text { get; set; }
}
