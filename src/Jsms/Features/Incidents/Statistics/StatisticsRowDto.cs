namespace Jsms.Features.Incidents;

/// <summary>
/// One row of the statistics: the period (when grouped by time) and the groups (region, attack type, ...), the attacks,
/// killed and injured (best estimates), and each one's change in percent against the previous period of the same groups
/// (null when that period had none: a change from nothing has no percentage).
/// </summary>
internal sealed record StatisticsRowDto(string? Period, string? Key, string? Key2, int Attacks, int Killed, int Injured,
    double? AttacksChangePercent, double? KilledChangePercent, double? InjuredChangePercent);
