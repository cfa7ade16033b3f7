using Jsms.Features.Protection;
using Jsms.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using NetTopologySuite.Geometries;

namespace Jsms.Features.Incidents;

/// <summary>
/// The incident's point by provider, as sites' perimeters (<see cref="SpatialColumnsConfiguration"/>): a PostGIS
/// <c>geometry(Point,4326)</c> with a GiST index on PostgreSQL, GeoJSON text on SQLite.
/// </summary>
internal sealed class IncidentColumnsConfiguration : IModelConfiguration
{
    public void Configure(ModelBuilder builder, DatabaseFacade database)
    {
        var incident = builder.Entity<Incident>();
        if (database.IsNpgsql())
        {
            incident.Property(i => i.Point).HasColumnType("geometry(Point,4326)");
            incident.HasIndex(i => i.Point).HasMethod("gist");
            return;
        }
        incident.Property(i => i.Point).HasConversion(
            p => p == null ? null : Geo.Write(p),
            text => text == null ? null : Geo.Parse<Point>(text),
            new ValueComparer<Point?>((a, b) => a == null ? b == null : b != null && a.EqualsExact(b), p => p == null ? 0 : p.GetHashCode(), p => p == null ? null : (Point)p.Copy()));
    }
}
