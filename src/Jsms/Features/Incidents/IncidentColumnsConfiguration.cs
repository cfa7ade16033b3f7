using Jsms.Features.Protection;
using Jsms.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using NetTopologySuite.Geometries;

namespace Jsms.Features.Incidents;

/// <summary>
/// The incident's point by provider, as sites' perimeters (<see cref="SpatialColumnsConfiguration"/>): a PostGIS
/// <c>geometry(Point,4326)</c> with a GiST index on PostgreSQL, GeoJSON text on SQLite; and the covering index of the
/// statistics, in each provider's form.
/// </summary>
internal sealed class IncidentColumnsConfiguration : IModelConfiguration
{
    private const string StatisticsIndex = "IX_Incidents_Statistics";

    public void Configure(ModelBuilder builder, DatabaseFacade database)
    {
        var incident = builder.Entity<Incident>();
        if (database.IsNpgsql())
        {
            incident.Property(i => i.Point).HasColumnType("geometry(Point,4326)");
            incident.HasIndex(i => i.Point).HasMethod("gist");
            // The statistics read every incident of the period: this index holds the columns they group and sum and the
            // columns of the access policy's WHERE clause, so they are read from it alone.
            incident.HasIndex(i => new { i.PeriodMonth, i.Admin1 }, StatisticsIndex)
                .IncludeProperties(i => new { i.Country, i.OccurredOn, i.KilledBest, i.InjuredBest, i.DeletedAt, i.Tlp, i.OwnerAgencyId, i.CreatedByUserId, i.Id });
            return;
        }
        // SQLite has no INCLUDE: the same columns as the index's keys.
        incident.HasIndex(i => new
        {
            i.PeriodMonth, i.Admin1, i.Country, i.OccurredOn, i.KilledBest, i.InjuredBest, i.DeletedAt, i.Tlp, i.OwnerAgencyId, i.CreatedByUserId, i.Id,
        }, StatisticsIndex);
        incident.Property(i => i.Point).HasConversion(
            p => p == null ? null : Geo.Write(p),
            text => text == null ? null : Geo.Parse<Point>(text),
            new ValueComparer<Point?>((a, b) => a == null ? b == null : b != null && a.EqualsExact(b), p => p == null ? 0 : p.GetHashCode(), p => p == null ? null : (Point)p.Copy()));
    }
}
