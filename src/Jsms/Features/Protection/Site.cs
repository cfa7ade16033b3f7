using Jsms.Platform.Access;
using Jsms.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NetTopologySuite.Geometries;

namespace Jsms.Features.Protection;

/// <summary>
/// A project site: a perimeter (a polygon in longitude/latitude, SRID 4326), a watch zone around it (metres), a
/// security level, a loitering threshold and contacts. The perimeter is a PostGIS geometry column on PostgreSQL and
/// GeoJSON text on SQLite (<see cref="SpatialColumnsConfiguration"/>); the tracking engine keeps it in memory.
/// </summary>
internal sealed class Site : IReleasable, IAudited
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string? Project { get; set; }
    public Polygon Perimeter { get; set; } = Polygon.Empty;
    public double WatchDistanceMetres { get; set; }
    public int LoiteringThresholdMinutes { get; set; }
    public SecurityLevel SecurityLevel { get; set; }
    public string? Contacts { get; set; }
    public DateTime CreatedAt { get; set; }

    public Guid OwnerAgencyId { get; set; }
    public Tlp Tlp { get; set; }
    public Guid CreatedByUserId { get; set; }
}
internal sealed class SiteConfiguration : IEntityTypeConfiguration<Site>
{
    public void Configure(EntityTypeBuilder<Site> builder)
    {
        builder.ToTable("Sites");
        builder.ConfigureMarking();
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Project).HasMaxLength(200);
        builder.Property(s => s.Contacts).HasMaxLength(2000);
        builder.Property(s => s.SecurityLevel).HasConversion<string>().HasMaxLength(16);
    }
}
