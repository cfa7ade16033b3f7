namespace Jsms.Features.Assistance;

internal sealed class IndicatorPeriod
{
    public DateOnly? Start { get; set; }
    public DateOnly? End { get; set; }
    public decimal? Target { get; set; }
    public decimal? Actual { get; set; }
}
