using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Intelligence;

/// <summary>Search and object detail, shared by the API and the pages; every query goes through the access policy.</summary>
internal static class StixBrowse
{
    public const int MaxPage = 200;

    public static async Task<List<StixObjectSummary>> SearchAsync(JsmsDbContext db, Caller caller, StixSearch search, int max = MaxPage)
        => (await SearchPageAsync(db, caller, search, max)).Items;

    /// <summary>The keyset cursor of a result: its date added (ticks) and STIX id.</summary>
    public static string Cursor(StixObjectSummary o) => $"{o.DateAdded.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture)}_{o.Id}";

    public static bool TryParseCursor(string text, out DateTime dateAdded, out string stixId)
    {
        dateAdded = default;
        stixId = "";
        var at = text.IndexOf('_', StringComparison.Ordinal);
        if (at <= 0 || !long.TryParse(text.AsSpan(0, at), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ticks)
            || ticks > DateTime.MaxValue.Ticks || text.Length - at > 301)
        {
            return false;
        }
        dateAdded = new DateTime(ticks, DateTimeKind.Utc);
        stixId = text[(at + 1)..];
        return true;
    }

    /// <summary>One page of results, newest first, and the cursor of the next page (null when this is the last).</summary>
    public static async Task<(List<StixObjectSummary> Items, string? Next)> SearchPageAsync(JsmsDbContext db, Caller caller, StixSearch search, int max = MaxPage)
    {
        var readable = db.Readable<StixObjectVersion>(caller);
        var query = readable.AsNoTracking()
            .Where(o => !readable.Any(n => n.CollectionId == o.CollectionId && n.StixId == o.StixId && n.Modified > o.Modified));
        if (!string.IsNullOrWhiteSpace(search.Q))
        {
            var text = search.Q.Trim().ToLowerInvariant();
            query = query.Where(o => o.SearchText != null && o.SearchText.Contains(text));
        }
        if (!string.IsNullOrWhiteSpace(search.Type))
        {
            var type = search.Type.Trim();
            query = query.Where(o => o.Type == type);
        }
        if (!string.IsNullOrWhiteSpace(search.Tlp) && TlpNames.TryParse(search.Tlp, out var level))
        {
            query = query.Where(o => o.Tlp == level);
        }
        if (search.From is { } f)
        {
            var start = f.ToUniversalTime();
            query = query.Where(o => o.Modified >= start);
        }
        if (search.To is { } t)
        {
            var end = t.ToUniversalTime();
            query = query.Where(o => o.Modified < end);
        }
        if (!string.IsNullOrWhiteSpace(search.Actor))
        {
            // Objects related to the actor: the other end of its readable relationships and sightings, and the objects that refer to it.
            var actor = search.Actor.Trim();
            var linked = readable.Where(r => r.SourceRef == actor).Select(r => r.TargetRef)
                .Concat(readable.Where(r => r.TargetRef == actor).Select(r => r.SourceRef));
            query = query.Where(o => linked.Contains(o.StixId)
                || ((o.Type == "report" || o.Type == "grouping" || o.Type == "note" || o.Type == "opinion") && o.Json.Contains(actor)));
        }
        if (search.After is not null && TryParseCursor(search.After, out var afterAdded, out var afterId))
        {
            query = query.Where(o => o.DateAdded < afterAdded || (o.DateAdded == afterAdded && string.Compare(o.StixId, afterId) < 0));
        }
        var rows = await query.OrderByDescending(o => o.DateAdded).ThenByDescending(o => o.StixId).Take(max + 1)
            .Select(o => new { o.StixId, o.Type, o.Name, o.Version, o.Tlp, o.Revoked, o.CollectionId, o.DateAdded }).ToListAsync();
        var items = rows.Take(max).Select(o => new StixObjectSummary(o.StixId, o.Type, o.Name, o.Version, o.Tlp.Label(), o.Revoked, o.CollectionId, o.DateAdded)).ToList();
        return (items, rows.Count > max ? Cursor(items[^1]) : null);
    }

    /// <summary>The readable versions of an object (newest first) and readable relationships from or to it; null when none is readable. Showing it audits its sensitive versions (<see cref="Jsms.Platform.Audit.AuditedReads"/>).</summary>
    public static async Task<StixObjectDetail?> DetailAsync(JsmsDbContext db, Caller caller, string stixId)
    {
        var versions = await db.Readable<StixObjectVersion>(caller).AsNoTracking().Where(o => o.StixId == stixId)
            .OrderByDescending(o => o.Modified).Select(o => new { o.Id, o.Type, o.Version, o.Tlp, o.DateAdded, o.Revoked, o.Json }).ToListAsync();
        if (versions.Count == 0)
        {
            return null;
        }
        var related = await db.Readable<StixObjectVersion>(caller).AsNoTracking()
            .Where(o => o.SourceRef == stixId || o.TargetRef == stixId)
            .OrderByDescending(o => o.DateAdded).Take(200)
            .Select(o => new { o.StixId, o.Type, o.Name, o.Version, o.Tlp, o.Revoked, o.CollectionId, o.DateAdded }).ToListAsync();
        return new StixObjectDetail(stixId, versions[0].Type,
            [.. versions.Select(v => new StixVersionDto(v.Version, v.Tlp.Label(), v.DateAdded, v.Revoked, System.Text.Json.JsonDocument.Parse(v.Json).RootElement, v.Id))],
            [.. related.Select(o => new StixObjectSummary(o.StixId, o.Type, o.Name, o.Version, o.Tlp.Label(), o.Revoked, o.CollectionId, o.DateAdded))]);
    }

    /// <summary>The latest readable version of each of the given objects: id, type and name (for links to related objects).</summary>
    public static async Task<Dictionary<string, (string Type, string? Name)>> VisibleAsync(JsmsDbContext db, Caller caller, IReadOnlyCollection<string> ids)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        var list = ids.ToList();
        var rows = await db.Readable<StixObjectVersion>(caller).AsNoTracking().Where(o => list.Contains(o.StixId))
            .OrderByDescending(o => o.Modified).Select(o => new { o.StixId, o.Type, o.Name }).ToListAsync();
        return rows.DistinctBy(r => r.StixId).ToDictionary(r => r.StixId, r => (r.Type, r.Name), StringComparer.Ordinal);
    }
}
