using Jsms.Platform.Access;
using Jsms.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NetTopologySuite.Geometries;

namespace Jsms.Features.Protection;

/// <summary>
/// A convoy or journey. Need to know: always TLP:RED, read by its named list (named recipients) and the
/// owner agency's coordinators (<see cref="INeedToKnow"/>); every view and export is audited.
/// Lists (principals, vehicles, escort, partner personnel, checkpoints) are stored as JSON text.
/// </summary>
internal sealed class Movement : INeedToKnow, IAudited
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public MovementStatus Status { get; set; }
    public string PrincipalsJson { get; set; } = "[]";
    public string VehiclesJson { get; set; } = "[]";
    public string EscortJson { get; set; } = "[]";
    /// <summary>
    /// A partner's deployed people in the escort, by their id on the host's consent (<see cref="IForeignPersonnelConsentCheck"/>):
    /// each must be covered by a consent in force whose area, period and personnel cover the movement.
    /// </summary>
    public string PartnerPersonnelJson { get; set; } = "[]";
    /// <summary>The planned route (SRID 4326), stored like <see cref="Site.Perimeter"/>.</summary>
    public LineString? Route { get; set; }
    public double CorridorMetres { get; set; }
    public string CheckpointsJson { get; set; } = "[]";
    public DateTime? DepartEarliest { get; set; }
    public DateTime? DepartLatest { get; set; }
    public DateTime? ArriveEarliest { get; set; }
    public DateTime? ArriveLatest { get; set; }
    public DateTime CreatedAt { get; set; }

    public Guid OwnerAgencyId { get; set; }
    public Tlp Tlp { get; set; }
    public Guid CreatedByUserId { get; set; }
}
internal sealed class MovementConfiguration : IEntityTypeConfiguration<Movement>
{
    public void Configure(EntityTypeBuilder<Movement> builder)
    {
        builder.ToTable("Movements");
        builder.ConfigureMarking();
        builder.Property(m => m.Name).HasMaxLength(200);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
    }
}
