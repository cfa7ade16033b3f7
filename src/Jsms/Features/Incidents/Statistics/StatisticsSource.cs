namespace Jsms.Features.Incidents;

/// <summary>An incident as the statistics group it: the year, month (and day, for weeks) of its first day, its keys and its figures.</summary>
internal sealed class StatisticsSource
{
    public int Year { get; set; }
    public int Month { get; set; }
    public int Day { get; set; }
    public string? Key { get; set; }
    public string? Key2 { get; set; }
    public int KilledBest { get; set; }
    public int InjuredBest { get; set; }
}
