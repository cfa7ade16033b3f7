using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Incidents;

/// <summary>
/// The heat view's figures: attacks, killed and injured by first-level administrative area over the incidents the caller
/// may read (the access policy is the WHERE clause, as for the statistics). The database groups the readable incidents of
/// the period by (country, admin1); each group is matched to an area by its name in that country (spellings folded,
/// former names known, <see cref="Admin1Areas"/>). Incidents without an admin1 but with a point are grouped by their
/// point in the database and put in the area whose outline holds the point. What matches no area is counted apart
/// (<c>unmatched</c>), so the totals still add up.
/// </summary>
internal sealed class IncidentRegions(JsmsDbContext db)
{
    public Task<(List<RegionFigures> Areas, RegionFigures Unmatched, HashSet<string> Countries)> ComputeAsync(Caller caller, IncidentExportFilter filter,
        Admin1Areas areas, CancellationToken cancellationToken = default)
        => AggregateQueries.WithoutJitAsync(db, () => CountAsync(caller, filter, areas, cancellationToken), cancellationToken);

    private async Task<(List<RegionFigures> Areas, RegionFigures Unmatched, HashSet<string> Countries)> CountAsync(Caller caller, IncidentExportFilter filter,
        Admin1Areas areas, CancellationToken cancellationToken)
    {
        var incidents = IncidentQueries.Filtered(db, caller, filter);
        if (filter.From is { } from && filter.To is { } to)
        {
            // The month keys bound the range as well as the days, so the range is read from the statistics index.
            var (fromMonth, toMonth) = (Incident.MonthKey(from), Incident.MonthKey(to));
            incidents = incidents.Where(i => i.PeriodMonth >= fromMonth && i.PeriodMonth <= toMonth);
        }
        var named = await incidents.Where(i => i.Admin1 != null && i.Admin1 != "")
            .GroupBy(i => new { i.Country, i.Admin1 })
            .Select(g => new { g.Key.Country, g.Key.Admin1, Attacks = g.Count(), Killed = g.Sum(i => i.KilledBest), Injured = g.Sum(i => i.InjuredBest) })
            .ToListAsync(cancellationToken);
        var placed = await incidents.Where(i => (i.Admin1 == null || i.Admin1 == "") && i.Latitude != null && i.Longitude != null)
            .GroupBy(i => new { i.Country, i.Latitude, i.Longitude })
            .Select(g => new { g.Key.Country, g.Key.Latitude, g.Key.Longitude, Attacks = g.Count(), Killed = g.Sum(i => i.KilledBest), Injured = g.Sum(i => i.InjuredBest) })
            .ToListAsync(cancellationToken);
        var unplaced = await incidents.Where(i => (i.Admin1 == null || i.Admin1 == "") && (i.Latitude == null || i.Longitude == null))
            .GroupBy(i => i.Country)
            .Select(g => new { Country = g.Key, Attacks = g.Count(), Killed = g.Sum(i => i.KilledBest), Injured = g.Sum(i => i.InjuredBest) })
            .ToListAsync(cancellationToken);

        var sums = new Dictionary<Admin1Area, (int Attacks, int Killed, int Injured)>();
        var unmatched = (Attacks: 0, Killed: 0, Injured: 0);
        var countries = new HashSet<string>(StringComparer.Ordinal);
        void Add(Admin1Area? area, string country, int attacks, int killed, int injured)
        {
            countries.Add(area?.Country ?? country);
            if (area is null)
            {
                unmatched = (unmatched.Attacks + attacks, unmatched.Killed + killed, unmatched.Injured + injured);
                return;
            }
            var now = sums.GetValueOrDefault(area);
            sums[area] = (now.Attacks + attacks, now.Killed + killed, now.Injured + injured);
        }
        foreach (var g in named)
        {
            Add(areas.Find(g.Country, g.Admin1!), g.Country, g.Attacks, g.Killed, g.Injured);
        }
        foreach (var g in placed)
        {
            Add(areas.Locate(g.Longitude!.Value, g.Latitude!.Value), g.Country, g.Attacks, g.Killed, g.Injured);
        }
        foreach (var g in unplaced)
        {
            Add(null, g.Country, g.Attacks, g.Killed, g.Injured);
        }
        countries.Remove("");
        return ([.. sums.Select(s => new RegionFigures(s.Key, s.Value.Attacks, s.Value.Killed, s.Value.Injured))],
            new RegionFigures(null, unmatched.Attacks, unmatched.Killed, unmatched.Injured), countries);
    }
}
