namespace Jsms.Features.Assistance;

/// <summary>An IATI budget: a period and its value (read, written and stored with the activity; nullable so a missing field is named).</summary>
internal sealed class ActivityBudget
{
    public DateOnly? PeriodStart { get; set; }
    public DateOnly? PeriodEnd { get; set; }
    public decimal? Value { get; set; }
    public string? Currency { get; set; }
    public DateOnly? ValueDate { get; set; }
}
