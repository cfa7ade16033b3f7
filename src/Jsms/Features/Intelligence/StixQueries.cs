using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Intelligence;

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
