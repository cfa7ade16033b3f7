using Jsms.Features.Protection;
using Jsms.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using NetTopologySuite.Geometries;

namespace Jsms.Features.Operations;

/// <summary>A joint operation's area by provider, like the consents' (<see cref="OperationsSpatialConfiguration"/>).</summary>
internal sealed class JointOperationSpatialConfiguration : IModelConfiguration
{
    public void Configure(ModelBuilder builder, DatabaseFacade database)
    {
        var operation = builder.Entity<JointOperation>();
        if (database.IsNpgsql())
        {
            operation.Property(o => o.Area).HasColumnType("geometry(MultiPolygon,4326)");
            return;
        }
        operation.Property(o => o.Area).HasConversion(a => Geo.Write(a), text => Geo.Parse<MultiPolygon>(text),
            new ValueComparer<MultiPolygon>((a, b) => a == null ? b == null : b != null && a.EqualsExact(b), g => g.GetHashCode(), g => (MultiPolygon)g.Copy()));
    }
}
