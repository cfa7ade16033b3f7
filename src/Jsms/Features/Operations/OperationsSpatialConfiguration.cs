using Jsms.Features.Protection;
using Jsms.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using NetTopologySuite.Geometries;

namespace Jsms.Features.Operations;

/// <summary>
/// Consent areas by provider, like sites' perimeters (<see cref="SpatialColumnsConfiguration"/>): PostGIS
/// <c>geometry(MultiPolygon,4326)</c> columns with GiST indexes on PostgreSQL, GeoJSON text on SQLite.
/// </summary>
internal sealed class OperationsSpatialConfiguration : IModelConfiguration
{
    public void Configure(ModelBuilder builder, DatabaseFacade database)
    {
        var request = builder.Entity<ConsentRequest>();
        var decision = builder.Entity<ConsentDecision>();
        var consent = builder.Entity<Consent>();
        if (database.IsNpgsql())
        {
            request.Property(r => r.Area).HasColumnType("geometry(MultiPolygon,4326)");
            decision.Property(d => d.NarrowedArea).HasColumnType("geometry(MultiPolygon,4326)");
            consent.Property(c => c.EffectiveArea).HasColumnType("geometry(MultiPolygon,4326)");
            consent.HasIndex(c => c.EffectiveArea).HasMethod("gist");
            return;
        }
        request.Property(r => r.Area).HasConversion(a => Geo.Write(a), text => Geo.Parse<MultiPolygon>(text), Comparer<MultiPolygon>());
        decision.Property(d => d.NarrowedArea).HasConversion(a => Geo.Write(a!), text => Geo.Parse<MultiPolygon>(text), Comparer<MultiPolygon?>());
        consent.Property(c => c.EffectiveArea).HasConversion(a => Geo.Write(a), text => Geo.Parse<MultiPolygon>(text), Comparer<MultiPolygon>());
    }

    /// <summary>Equal when the same coordinates in the same order; snapshots are copies.</summary>
    private static ValueComparer<T> Comparer<T>() where T : Geometry?
        => new((a, b) => a == null ? b == null : b != null && a.EqualsExact(b), g => g == null ? 0 : g.GetHashCode(), g => g == null ? g : (T)g.Copy());
}
