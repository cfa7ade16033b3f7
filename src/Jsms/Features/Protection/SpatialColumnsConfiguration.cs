using System.Linq.Expressions;
using Jsms.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;
using NetTopologySuite.Geometries;

namespace Jsms.Features.Protection;

/// <summary>
/// Sites' perimeters and movements' routes by provider (docs/decisions/0022-geometry-libraries.md): on PostgreSQL,
/// PostGIS <c>geometry(Polygon,4326)</c> and <c>geometry(LineString,4326)</c> columns with GiST indexes, read and
/// written by the Npgsql NetTopologySuite plugin, and <see cref="SitesNear.Geography"/> translated to a cast to
/// <c>geography</c>; on SQLite, which has no spatial plugin here, GeoJSON text converted to and from the same types.
/// </summary>
internal sealed class SpatialColumnsConfiguration : IModelConfiguration
{
    public void Configure(ModelBuilder builder, DatabaseFacade database)
    {
        var site = builder.Entity<Site>();
        var movement = builder.Entity<Movement>();
        if (database.IsNpgsql())
        {
            builder.HasPostgresExtension("postgis");
            site.Property(s => s.Perimeter).HasColumnType("geometry(Polygon,4326)");
            site.HasIndex(s => s.Perimeter).HasMethod("gist");
            movement.Property(m => m.Route).HasColumnType("geometry(LineString,4326)");
            movement.HasIndex(m => m.Route).HasMethod("gist");
            var geography = database.GetService<IRelationalTypeMappingSource>().FindMapping(typeof(Geometry), "geography")!;
            builder.HasDbFunction(typeof(SitesNear).GetMethod(nameof(SitesNear.Geography))!)
                .HasTranslation(arguments => new SqlUnaryExpression(ExpressionType.Convert, arguments[0], typeof(Geometry), geography));
            return;
        }
        site.Property(s => s.Perimeter).HasConversion(p => Geo.Write(p), text => Geo.Parse<Polygon>(text), Comparer<Polygon>());
        movement.Property(m => m.Route).HasConversion(r => Geo.Write(r!), text => Geo.Parse<LineString>(text), Comparer<LineString?>());
    }

    /// <summary>Equal when the same coordinates in the same order (what the text would show); snapshots are copies.</summary>
    private static ValueComparer<T> Comparer<T>() where T : Geometry?
        => new((a, b) => a == null ? b == null : b != null && a.EqualsExact(b), g => g == null ? 0 : g.GetHashCode(), g => g == null ? g : (T)g.Copy());
}
