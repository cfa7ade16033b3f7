namespace Jsms.Features.Incidents;

internal sealed record CasualtyDto(VictimClass VictimClass, int? KilledLow, int KilledBest, int? KilledHigh, int? InjuredLow, int InjuredBest, int? InjuredHigh);
