using System.Globalization;

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
