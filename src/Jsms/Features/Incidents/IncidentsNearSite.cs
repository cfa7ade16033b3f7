using System.Globalization;
using Jsms.Features.Protection;
using Jsms.Platform.Access;
using Jsms.Platform.Audit;
using Jsms.Platform.Database;

namespace Jsms.Features.Incidents;

/// <summary>
/// The incidents the caller may read within a chosen distance of a protected site's perimeter (<c>?withinKm=</c>, default
/// 25 km), for the panel the site's page shows (_IncidentsNearSite.cshtml); audited as any list of incidents.
/// </summary>
internal sealed class IncidentsNearSite(IncidentsService incidents, JsmsDbContext db)
{
    public const double DefaultKm = 25;

    public async Task<IncidentsNearSiteView> ShowAsync(HttpContext context, SiteDto site)
    {
        var km = double.TryParse(context.Request.Query["withinKm"], NumberStyles.Float, CultureInfo.InvariantCulture, out var asked)
            && double.IsFinite(asked) && asked is > 0 and <= SitesNear.MaxMetres / 1000 ? asked : DefaultKm;
        var (perimeter, _) = Geo.ReadPolygon(site.Perimeter);
        var caller = await Caller.ForRequestAsync(context);
        List<(IncidentSummaryDto Incident, double Metres)> near = caller is null || perimeter is null ? [] : await incidents.NearAsync(caller, perimeter, km * 1000);
        await AuditedReads.RecordAsync(db, near.Select(n => n.Incident).ToList(), null);
        return new IncidentsNearSiteView(site.Id, km, near);
    }
}
