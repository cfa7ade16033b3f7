using System.Text;
using Jsms.Features.Intelligence;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Partners;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Incidents;

/// <summary>
/// Shares the caller's own agency's incidents with partner nodes: their STIX 2.1 form (the same as the export) is stored
/// in an intelligence collection, which the TAXII server serves and TAXII push sends (docs/intelligence.md). Only the
/// owner may put its incidents there, and each keeps its marking: its TLP as a STIX marking, its release-to agencies as
/// the JSMS release extension. RED incidents and those with named recipients stay on this node: RED never leaves it, and
/// named recipients are users of this node. The collection must be one of the caller's own agency.
/// </summary>
internal static class IncidentSharing
{
    public static RouteGroupBuilder MapIncidentSharing(this RouteGroupBuilder writes)
    {
        writes.MapPost("/share", Share);
        return writes;
    }

    public static async Task<Results<Ok<ShareOutcomeDto>, NotFound, ValidationProblem>> Share(ShareIncidentsRequest request, Caller caller,
        JsmsDbContext db, IncidentExporter exporter, StixImporter importer, CancellationToken cancellationToken)
    {
        var filter = new IncidentExportFilter(request.From, request.To, request.Country, null, null, null);
        var errors = IncidentQueries.Check(filter);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        // Only a collection of the caller's own agency: sharing into another agency's collection would publish there, under
        // that agency's name on its partners' TAXII feeds, what it never chose to carry. Any other is not there (404 naming it).
        var agencyId = caller.AgencyId;
        var collection = await db.Set<StixCollection>().AsNoTracking()
            .FirstOrDefaultAsync(c => c.Id == request.CollectionId && c.CreatedByAgencyId == agencyId, cancellationToken);
        if (collection is null)
        {
            throw new UnreadableReferenceException(["collectionId"]);
        }
        var own = (await exporter.LoadAsync(caller, filter, "stix", cancellationToken)).Where(i => i.OwnerAgencyId == caller.AgencyId).ToList();
        var ids = own.Select(i => i.Id).ToList();
        var named = (await db.Set<NamedRecipient>().Where(r => ids.Contains(r.RecordId)).Select(r => r.RecordId).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        var grants = (await db.Set<ReleaseGrant>().Where(g => ids.Contains(g.RecordId))
                .Join(db.Set<Agency>(), g => g.AgencyId, a => a.Id, (g, a) => new { g.RecordId, a.Code })
                .ToListAsync(cancellationToken))
            .ToLookup(g => g.RecordId, g => g.Code);
        var kept = own.Where(i => i.Tlp != Tlp.Red && !named.Contains(i.Id)).ToList();
        var stored = 0;
        var refused = 0;
        // One import per marking, so the release-to list given as the import's default is exactly each incident's own.
        foreach (var group in kept.GroupBy(i => string.Join(',', grants[i.Id].Order(StringComparer.Ordinal))))
        {
            var bundle = await exporter.WriteAsync(group.ToList(), "stix", cancellationToken);
            await using var body = new MemoryStream(Encoding.UTF8.GetBytes(bundle));
            var releaseTo = group.Key.Length == 0 ? null : group.Key.Split(',');
            var report = await importer.ImportAsync(caller, collection, body, new MarkingInput(null, releaseTo, null), cancellationToken);
            stored += report.Accepted;
            refused += report.Refused;
        }
        return TypedResults.Ok(new ShareOutcomeDto(kept.Count, own.Count - kept.Count, stored, refused));
    }
}
