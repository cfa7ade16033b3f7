namespace Jsms.Features.Incidents;

/// <summary>What the statistics group by: a period (week, month, quarter, year) or a property of the incidents.</summary>
internal enum StatisticsDimension
{
    Week,
    Month,
    Quarter,
    Year,
    Region,
    Country,
    AttackType,
    TargetType,
    Group,
    VictimClass,
}
