using Jsms.Features.Access;
using Jsms.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NetTopologySuite.Geometries;

namespace Jsms.Features.Protection;

/// <summary>
/// A foreign national under protection. Passport number and phone are encrypted at rest with ASP.NET
/// Core Data Protection (<see cref="PersonIdentifiers"/>) and shown only to those allowed.
/// The owner agency is the agency responsible for the person.
/// </summary>
public sealed class ProtectedPerson : IReleasable, IAudited
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string Nationality { get; set; } = "";
    public string? Employer { get; set; }
    public string? Project { get; set; }
    /// <summary>Ciphertext (Data Protection); never the plain number.</summary>
    public string? PassportNumberProtected { get; set; }
    /// <summary>Ciphertext (Data Protection); never the plain number.</summary>
    public string? PhoneProtected { get; set; }
    public DateTime CreatedAt { get; set; }

    public Guid OwnerAgencyId { get; set; }
    public Tlp Tlp { get; set; }
    public Guid CreatedByUserId { get; set; }
}

public enum SecurityLevel { Low, Medium, High, Critical }

/// <summary>
/// A project site: a perimeter (a polygon in longitude/latitude, SRID 4326), a watch zone around it (metres), a
/// security level, a loitering threshold and contacts. The perimeter is a PostGIS geometry column on PostgreSQL and
/// GeoJSON text on SQLite (<see cref="SpatialColumnsConfiguration"/>); the tracking engine keeps it in memory.
/// </summary>
public sealed class Site : IReleasable, IAudited
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

public enum MovementStatus { Planned, UnderWay, Arrived, Overdue, Aborted }

/// <summary>
/// A convoy or journey. Need to know: always TLP:RED, read by its named list (named recipients) and the
/// owner agency's coordinators (<see cref="INeedToKnow"/>); every view and export is audited.
/// Lists (principals, vehicles, escort, checkpoints) are stored as JSON text.
/// </summary>
public sealed class Movement : INeedToKnow, IAudited
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public MovementStatus Status { get; set; }
    public string PrincipalsJson { get; set; } = "[]";
    public string VehiclesJson { get; set; } = "[]";
    public string EscortJson { get; set; } = "[]";
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

internal sealed class ProtectedPersonConfiguration : IEntityTypeConfiguration<ProtectedPerson>
{
    public void Configure(EntityTypeBuilder<ProtectedPerson> builder)
    {
        builder.ToTable("ProtectedPersons");
        builder.ConfigureMarking();
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Nationality).HasMaxLength(100);
        builder.Property(p => p.Employer).HasMaxLength(200);
        builder.Property(p => p.Project).HasMaxLength(200);
        builder.Property(p => p.PassportNumberProtected).HasMaxLength(1000);
        builder.Property(p => p.PhoneProtected).HasMaxLength(1000);
    }
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
