using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Incidents;

/// <summary>
/// The change feed (<c>GET /api/incidents/changes</c>): the readable incidents created, corrected, deleted or merged away
/// after a point in time, so a partner that copied them can follow. Deleted and merged incidents stay as rows for this.
/// Ordered by (<see cref="Incident.UpdatedAt"/>, id), and paged by that pair, since an import gives many incidents the same time.
/// </summary>
internal sealed class IncidentChangeFeed(JsmsDbContext db, ReleaseMarkings markings)
{
    public const int MaxLimit = 1000;

    public async Task<IncidentChangesDto> ChangesAsync(Caller caller, DateTime since, Guid? after, int limit, CancellationToken cancellationToken = default)
    {
        var query = db.Readable<Incident>(caller).AsNoTracking();
        query = after is { } id
            ? query.Where(i => i.UpdatedAt > since || (i.UpdatedAt == since && i.Id.CompareTo(id) > 0))
            : query.Where(i => i.UpdatedAt > since);
        var rows = await query.OrderBy(i => i.UpdatedAt).ThenBy(i => i.Id).Take(limit + 1)
            .Select(i => new { i.Id, i.Title, i.Version, i.CreatedAt, i.UpdatedAt, i.DeletedAt, i.MergedIntoId, i.OwnerAgencyId, i.Tlp })
            .ToListAsync(cancellationToken);
        var more = rows.Count > limit;
        rows = [.. rows.Take(limit)];
        var ids = rows.Select(r => r.Id).ToList();
        var versions = await db.Set<IncidentVersion>().AsNoTracking().Where(v => ids.Contains(v.IncidentId) && v.ChangedAt > since)
            .Select(v => new { v.IncidentId, v.Version, v.ChangedFields }).ToListAsync(cancellationToken);
        var fields = versions.GroupBy(v => v.IncidentId).ToDictionary(g => g.Key,
            g => (IReadOnlyList<string>)[.. g.OrderBy(v => v.Version).SelectMany(v => v.ChangedFields).Distinct()]);
        var marks = await markings.DescribeAsync([.. rows.Select(r => (r.Id, r.OwnerAgencyId, r.Tlp))]);
        var items = rows.Select(r => new IncidentChangeDto(r.Id, r.Title,
            r.DeletedAt is not null ? r.MergedIntoId is not null ? "merged" : "deleted" : r.CreatedAt > since ? "created" : "corrected",
            r.Version, r.UpdatedAt, r.DeletedAt, r.MergedIntoId, fields.GetValueOrDefault(r.Id, []), marks[r.Id])).ToList();
        return new IncidentChangesDto(items, more ? items[^1].UpdatedAt : null, more ? items[^1].Id : null);
    }
}
