namespace Jsms.Features.Incidents;

/// <summary>The casualties of one victim class as clients write them; a best estimate left out is 0, bounds left out are none.</summary>
internal sealed record CasualtyInput(VictimClass? VictimClass, int? KilledLow, int? KilledBest, int? KilledHigh,
    int? InjuredLow, int? InjuredBest, int? InjuredHigh);
