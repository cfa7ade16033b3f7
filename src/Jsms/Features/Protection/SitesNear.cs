using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using NetTopologySuite.Geometries;

namespace Jsms.Features.Protection;

/// <summary>
/// The sites whose perimeter comes within a distance of a point (0 inside it). On PostgreSQL the database answers:
/// the GiST index of the perimeters narrows by a distance in degrees that covers the metres asked
/// (<see cref="Geo.DegreesCovering"/>), then <c>ST_DWithin</c> on <c>geography</c> measures metres on the spheroid.
/// SQLite has no spatial functions here, so the sites the query selects are measured in process.
/// </summary>
internal static class SitesNear
{
    /// <summary>The widest search: a watch area, not a country (and the in-process measure stays accurate within it).</summary>
    public const double MaxMetres = 100_000;

    public static async Task<List<Site>> ListAsync(IQueryable<Site> sites, DatabaseFacade database, double latitude, double longitude,
        double metres, CancellationToken cancellationToken = default)
    {
        var point = Geo.Point(latitude, longitude);
        if (database.IsNpgsql())
        {
            var degrees = Geo.DegreesCovering(latitude, metres);
            return await sites
                .Where(s => s.Perimeter.IsWithinDistance(point, degrees)
                    && EF.Functions.IsWithinDistance(Geography(s.Perimeter), Geography(point), metres, true))
                .OrderBy(s => s.Name).ToListAsync(cancellationToken);
        }
        var all = await sites.OrderBy(s => s.Name).ToListAsync(cancellationToken);
        return [.. all.Where(s => Geo.DistanceMetres(s.Perimeter, latitude, longitude) <= metres)];
    }

    /// <summary>The geometry as PostGIS <c>geography</c> (metres on the spheroid); only translated to SQL, on PostgreSQL.</summary>
    public static Geometry Geography(Geometry geometry) => throw new InvalidOperationException("SitesNear.Geography is translated to SQL on PostgreSQL only.");
}
