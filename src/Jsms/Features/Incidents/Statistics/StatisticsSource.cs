namespace Jsms.Features.Incidents;

/// <summary>An incident as the statistics group it: its month (yyyymm) or, for weeks, its first day, its keys and its figures.</summary>
internal sealed class StatisticsSource
{
    public int Month { get; set; }
    public DateOnly? Day { get; set; }
    public string? Key { get; set; }
    public string? Key2 { get; set; }
    public int KilledBest { get; set; }
    public int InjuredBest { get; set; }
}
