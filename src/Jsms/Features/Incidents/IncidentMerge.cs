namespace Jsms.Features.Incidents;

/// <summary>
/// How a second report of the same attack folds into an incident (docs/incidents.md, "Merge"): its sources join with their
/// own figures; groups, types and links are joined; a victim class both count keeps this incident's best estimate and
/// widens its low–high range to cover the other's.
/// </summary>
internal static class IncidentMerge
{
    public static void Into(Incident incident, Incident other)
    {
        var sources = other.Sources.Count > 0 ? other.Sources.ToList()
            : [new IncidentSource { Name = Truncate("Merged report: " + other.Title, IncidentLimits.SourceName), Killed = other.KilledBest, Injured = other.InjuredBest }];
        foreach (var source in sources)
        {
            incident.Sources.Add(new IncidentSource
            {
                IncidentId = incident.Id, Name = source.Name, Url = source.Url, PublishedOn = source.PublishedOn,
                Format = source.Format, SourceEventId = source.SourceEventId, Killed = source.Killed, Injured = source.Injured,
                ContentHash = source.ContentHash,
            });
        }
        foreach (var group in other.Perpetrators.OrderBy(p => p.Ordinal))
        {
            if (incident.Perpetrators.Count < IncidentLimits.Perpetrators
                && !incident.Perpetrators.Any(p => string.Equals(p.Name, group.Name, StringComparison.OrdinalIgnoreCase)))
            {
                incident.Perpetrators.Add(new IncidentPerpetrator
                {
                    IncidentId = incident.Id, Ordinal = incident.Perpetrators.Count, Name = group.Name, Claimed = group.Claimed,
                    ClaimMode = group.ClaimMode, StixThreatActorId = group.StixThreatActorId,
                });
            }
        }
        foreach (var theirs in other.Casualties)
        {
            if (incident.Casualties.FirstOrDefault(c => c.VictimClass == theirs.VictimClass) is not { } ours)
            {
                incident.Casualties.Add(new IncidentCasualty
                {
                    IncidentId = incident.Id, VictimClass = theirs.VictimClass, KilledLow = theirs.KilledLow, KilledBest = theirs.KilledBest,
                    KilledHigh = theirs.KilledHigh, InjuredLow = theirs.InjuredLow, InjuredBest = theirs.InjuredBest, InjuredHigh = theirs.InjuredHigh,
                });
                continue;
            }
            (ours.KilledLow, ours.KilledHigh) = Widen(ours.KilledLow, ours.KilledBest, ours.KilledHigh, theirs.KilledLow ?? theirs.KilledBest, theirs.KilledHigh ?? theirs.KilledBest);
            (ours.InjuredLow, ours.InjuredHigh) = Widen(ours.InjuredLow, ours.InjuredBest, ours.InjuredHigh, theirs.InjuredLow ?? theirs.InjuredBest, theirs.InjuredHigh ?? theirs.InjuredBest);
        }
        IncidentInput.Total(incident);
        incident.AttackTypes = Union(incident.AttackTypes, other.AttackTypes, Incident.MaxAttackTypes);
        incident.WeaponTypes = Union(incident.WeaponTypes, other.WeaponTypes, Incident.MaxWeaponTypes);
        incident.TargetTypes = Union(incident.TargetTypes, other.TargetTypes, Incident.MaxTargetTypes);
        incident.SiteIds = Union(incident.SiteIds, other.SiteIds, IncidentLimits.Links);
        incident.PersonIds = Union(incident.PersonIds, other.PersonIds, IncidentLimits.Links);
        incident.AlertIds = Union(incident.AlertIds, other.AlertIds, IncidentLimits.Links);
        incident.StixIds = Union(incident.StixIds, other.StixIds, IncidentLimits.Links);
        incident.Suicide |= other.Suicide;
        incident.PropertyDamage ??= other.PropertyDamage;
        incident.HostagesOrKidnapping ??= other.HostagesOrKidnapping;
        incident.Project ??= other.Project;
    }

    private static (int? Low, int? High) Widen(int? low, int best, int? high, int theirLow, int theirHigh)
    {
        var newLow = Math.Min(low ?? best, theirLow);
        var newHigh = Math.Max(high ?? best, theirHigh);
        return (newLow == best && low is null ? null : newLow, newHigh == best && high is null ? null : newHigh);
    }

    private static List<T> Union<T>(List<T> ours, List<T> theirs, int max) => [.. ours.Concat(theirs.Except(ours)).Distinct().Take(Math.Max(max, ours.Count))];

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
