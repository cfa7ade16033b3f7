using System.Globalization;
using Jsms.Features.Access;
using Jsms.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Intelligence;

/// <summary>The TAXII filter parameters of one request (added_after, limit, next, match[...]).</summary>
internal sealed record TaxiiFilter(DateTime? After, int Limit, string[] Ids, string[] Types, string[] SpecVersions,
    bool Last, bool First, bool All, DateTime[] Versions)
{
    public static readonly string[] AllParameters = ["added_after", "limit", "next", "match[id]", "match[type]", "match[version]", "match[spec_version]"];
    public static readonly string[] ObjectParameters = ["added_after", "limit", "next", "match[version]", "match[spec_version]"];
    public static readonly string[] VersionsParameters = ["added_after", "limit", "next", "match[spec_version]"];

    public static (TaxiiFilter?, string?) Parse(IQueryCollection query, int maxPage, string[] allowed, string defaultVersion)
    {
        foreach (var key in query.Keys)
        {
            if (!allowed.Contains(key, StringComparer.Ordinal))
            {
                return (null, $"Unknown or unsupported parameter '{key}' on this endpoint.");
            }
        }
        DateTime? after = null;
        if (query.TryGetValue("added_after", out var addedAfter))
        {
            if (!StixTime.TryParse(addedAfter.ToString(), out var a))
            {
                return (null, "added_after must be a timestamp such as 2026-03-10T09:00:00.000Z.");
            }
            after = a;
        }
        if (query.TryGetValue("next", out var next))
        {
            if (!long.TryParse(next.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                || ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
            {
                return (null, "next is not a value this server gave.");
            }
            var mark = new DateTime(ticks, DateTimeKind.Utc);
            after = after is null || mark > after ? mark : after;
        }
        var limit = maxPage;
        if (query.TryGetValue("limit", out var limitText))
        {
            if (!int.TryParse(limitText.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1)
            {
                return (null, "limit must be a positive integer.");
            }
            limit = Math.Min(limit, maxPage);
        }
        var versions = List(query, "match[version]");
        if (versions.Length == 0)
        {
            versions = [defaultVersion];
        }
        var stamps = new List<DateTime>();
        foreach (var v in versions.Where(v => v is not ("last" or "first" or "all")))
        {
            if (!StixTime.TryParse(v, out var stamp))
            {
                return (null, $"match[version] takes last, first, all or a timestamp, not '{v}'.");
            }
            stamps.Add(stamp);
        }
        return (new TaxiiFilter(after, limit, List(query, "match[id]"), List(query, "match[type]"), List(query, "match[spec_version]"),
            versions.Contains("last"), versions.Contains("first"), versions.Contains("all"), [.. stamps]), null);
    }

    private static string[] List(IQueryCollection query, string name)
        => query.TryGetValue(name, out var values)
            ? [.. values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct()]
            : [];

    /// <summary>The opaque <c>next</c> value: the date_added of the last row of the page, in ticks.</summary>
    public static string Next(DateTime lastDateAdded) => lastDateAdded.Ticks.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A version on a TAXII page; <see cref="Json"/> is the stored object's UTF-8 bytes, served as they are.</summary>
internal sealed record StixRow(Guid RowId, string StixId, string Version, DateTime DateAdded, Tlp Tlp, byte[] Json);

internal sealed record StixPage(IReadOnlyList<StixRow> Rows, bool More);

internal static class StixQueries
{
    /// <summary>The newest STIX spec_version JSMS stores (the importer accepts 2.1 only): no version can outrank one of it.</summary>
    public const string LatestSpecVersion = "2.1";

    /// <summary>Object versions of a collection the caller may receive over TAXII: the access policy and the exchange policy.</summary>
    public static IQueryable<StixObjectVersion> Shareable(JsmsDbContext db, Caller caller, Guid collectionId)
        => db.Readable<StixObjectVersion>(caller).Where(o => o.CollectionId == collectionId)
            .Where(ExchangePolicy.ServedOverTaxii<StixObjectVersion>());

    /// <summary>One keyset page (date_added after the mark), in one query: limit + 1 rows tell whether there is more.</summary>
    public static async Task<StixPage> PageAsync(JsmsDbContext db, Caller caller, Guid collectionId, TaxiiFilter filter)
    {
        var visible = Shareable(db, caller, collectionId);
        var query = visible.AsNoTracking();
        if (filter.After is { } after)
        {
            query = query.Where(o => o.DateAdded > after);
        }
        if (filter.Ids.Length > 0)
        {
            var ids = filter.Ids;
            query = query.Where(o => ids.Contains(o.StixId));
        }
        if (filter.Types.Length > 0)
        {
            var types = filter.Types;
            query = query.Where(o => types.Contains(o.Type));
        }
        var others = Shareable(db, caller, collectionId);
        var specs = filter.SpecVersions;
        var latestSpec = specs.Length == 0;
        if (latestSpec)
        {
            // TAXII 2.1 section 3.4.1: without match[spec_version], only the latest spec_version of each object. A version of
            // the newest spec_version the importer accepts cannot be outranked, so the lookup runs only for older ones.
            query = query.Where(o => o.SpecVersion == LatestSpecVersion
                || !others.Any(n => n.StixId == o.StixId && string.Compare(n.SpecVersion, o.SpecVersion) > 0));
        }
        else
        {
            query = query.Where(o => specs.Contains(o.SpecVersion));
        }
        if (!filter.All)
        {
            var last = filter.Last;
            var first = filter.First;
            var stamps = filter.Versions;
            // "last" and "first" are chosen among the versions the spec_version filter keeps (as the OASIS reference server
            // filters): with the default, among those of the object's latest spec_version.
            query = latestSpec
                ? query.Where(o =>
                    (last && !others.Any(n => n.StixId == o.StixId && n.Modified > o.Modified && n.SpecVersion == o.SpecVersion))
                    || (first && !others.Any(n => n.StixId == o.StixId && n.Modified < o.Modified && n.SpecVersion == o.SpecVersion))
                    || stamps.Contains(o.Modified))
                : query.Where(o =>
                    (last && !others.Any(n => n.StixId == o.StixId && n.Modified > o.Modified && specs.Contains(n.SpecVersion)))
                    || (first && !others.Any(n => n.StixId == o.StixId && n.Modified < o.Modified && specs.Contains(n.SpecVersion)))
                    || stamps.Contains(o.Modified));
        }
        var rows = await query.OrderBy(o => o.DateAdded).Take(filter.Limit + 1)
            .Select(o => new StixRow(o.Id, o.StixId, o.Version, o.DateAdded, o.Tlp, StixJsonBytes.Utf8(o.Json)))
            .ToListAsync();
        var more = rows.Count > filter.Limit;
        return new StixPage(more ? rows[..filter.Limit] : rows, more);
    }
}
