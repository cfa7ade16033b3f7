using Jsms.Features.Protection;
using Jsms.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using NetTopologySuite.Geometries;

namespace Jsms.Features.Exercises;

/// <summary>
/// An exercise's area as <see cref="SpatialColumnsConfiguration"/> stores sites' perimeters: a PostGIS
/// <c>geometry(Geometry,4326)</c> column on PostgreSQL (Polygon or MultiPolygon, checked on input), GeoJSON text on SQLite.
/// </summary>
internal sealed class ExerciseAreaConfiguration : IModelConfiguration
{
    public void Configure(ModelBuilder builder, DatabaseFacade database)
    {
        var exercise = builder.Entity<Exercise>();
        if (database.IsNpgsql())
        {
            exercise.Property(e => e.Area).HasColumnType("geometry(Geometry,4326)");
            return;
        }
        exercise.Property(e => e.Area).HasConversion(a => a == null ? null : Geo.Write(a), text => text == null ? null : Geo.Parse<Geometry>(text),
            new ValueComparer<Geometry?>((a, b) => a == null ? b == null : b != null && a.EqualsExact(b), g => g == null ? 0 : g.GetHashCode(),
                g => g == null ? g : g.Copy()));
    }
}
