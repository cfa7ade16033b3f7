namespace Jsms.Features.Incidents;

/// <summary>One victim class's row of the incident form.</summary>
internal sealed class CasualtyRow
{
    public VictimClass VictimClass { get; set; }
    public int? KilledLow { get; set; }
    public int? KilledBest { get; set; }
    public int? KilledHigh { get; set; }
    public int? InjuredLow { get; set; }
    public int? InjuredBest { get; set; }
    public int? InjuredHigh { get; set; }

    public bool IsEmpty => KilledLow is null && KilledBest is null && KilledHigh is null && InjuredLow is null && InjuredBest is null && InjuredHigh is null;
}
