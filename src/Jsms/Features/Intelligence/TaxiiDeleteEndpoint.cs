using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jsms.Features.Intelligence;

/// <summary>
/// TAXII 2.1 "Delete An Object" (<c>DELETE .../collections/{id}/objects/{object-id}/</c>, section 5.7): the versions chosen by
/// <c>match[version]</c> and <c>match[spec_version]</c> are deleted. Without <c>match[version]</c> that is the latest version
/// only: the match default of section 3.4 ("last"), which 5.7 does not change; without <c>match[spec_version]</c>, only versions
/// of the object's latest spec_version; the OASIS reference server does the same
/// (docs/intelligence.md). Deleting every version takes <c>match[version]=all</c>. Only a caller who can write (can_write),
/// and only versions owned by the caller's agency: an object the caller cannot read is 404, one it reads but does not own
/// is 403. Each deleted version is audited.
/// </summary>
internal static class TaxiiDeleteEndpoint
{
    private static readonly string[] Parameters = ["match[version]", "match[spec_version]"];

    public static async Task<IResult> DeleteObject(string collectionId, string objectId, HttpContext http, Caller caller, JsmsDbContext db,
        ReleaseMarkings markings, IOptions<IntelligenceOptions> options)
    {
        var collection = Guid.TryParse(collectionId, out var cid) ? await db.Set<StixCollection>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == cid) : null;
        if (collection is null)
        {
            return TaxiiError.Result(StatusCodes.Status404NotFound, "Not found", "No such collection.");
        }
        if (!caller.CanWrite)
        {
            return TaxiiError.Result(StatusCodes.Status403Forbidden, "Forbidden", "Your role may read but not write this collection (can_write is false).");
        }
        var (filter, error) = TaxiiFilter.Parse(http.Request.Query, options.Value.MaxPageSize, Parameters, defaultVersion: "last");
        if (filter is null)
        {
            return TaxiiError.Result(StatusCodes.Status400BadRequest, "Bad request", error!);
        }
        var readable = await StixQueries.Shareable(db, caller, collection.Id).AnyAsync(o => o.StixId == objectId);
        if (!readable)
        {
            return TaxiiError.Result(StatusCodes.Status404NotFound, "Not found", "No such object in this collection.");
        }
        var query = db.Writable<StixObjectVersion>(caller).Where(o => o.CollectionId == collection.Id && o.StixId == objectId)
            .Where(ExchangePolicy.ServedOverTaxii<StixObjectVersion>());
        if (filter.SpecVersions.Length > 0)
        {
            var specs = filter.SpecVersions;
            query = query.Where(o => specs.Contains(o.SpecVersion));
        }
        var owned = await query.OrderBy(o => o.Modified).ToListAsync();
        if (owned.Count == 0)
        {
            return TaxiiError.Result(StatusCodes.Status403Forbidden, "Forbidden", "Only the agency that owns an object deletes it.");
        }
        if (filter.SpecVersions.Length == 0)
        {
            // Section 3.4.1: without match[spec_version], only the latest spec_version of the object (compared as the page query does).
            var latest = owned.Select(o => o.SpecVersion).Max(StringComparer.Ordinal);
            owned = [.. owned.Where(o => o.SpecVersion == latest)];
        }
        var chosen = filter.All
            ? owned
            : owned.Where((o, i) => (filter.First && i == 0) || (filter.Last && i == owned.Count - 1) || filter.Versions.Contains(o.Modified)).ToList();
        if (chosen.Count == 0)
        {
            return TaxiiError.Result(StatusCodes.Status404NotFound, "Not found", "No version of this object matches.");
        }
        foreach (var row in chosen)
        {
            await markings.RemoveAsync(row.Id);
            db.Remove(row);
            db.Audit("delete", nameof(StixObjectVersion), row.Id, $"TAXII {row.StixId} {row.Version}");
        }
        await db.SaveChangesAsync();
        return Results.Ok();
    }
}
