namespace Jsms.Features.Assistance;

/// <summary>An IATI result; <see cref="Type"/>: 1 output, 2 outcome, 3 impact, 9 other.</summary>
internal sealed class ActivityResult
{
    public int? Type { get; set; }
    public string? Title { get; set; }
    public List<ResultIndicator> Indicators { get; set; } = [];
}
