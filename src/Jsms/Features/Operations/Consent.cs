using Jsms.Platform.Access;
using Jsms.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NetTopologySuite.Geometries;

namespace Jsms.Features.Operations;

/// <summary>
/// A granted consent: what the host's authorities agreed to, with every condition applied. Its effective area is the
/// request's area intersected with each condition's narrower area, its period the intersection of the periods, its
/// personnel those every conditional approval admits. Owned by the host (the deciding authority whose answer completed
/// the decision), TLP:AMBER released by default to the requester and the other host authorities; the host chooses what
/// else it releases. Expired is also computed on read from <see cref="EffectiveEnd"/> (docs/operations.md).
/// </summary>
internal sealed class Consent : IReleasable, IAudited
{
    public Guid Id { get; set; }
    public Guid RequestId { get; set; }
    public Guid HostStateId { get; set; }
    public Guid RequestingAgencyId { get; set; }
    public ConsentKind Kind { get; set; }
    public string Purpose { get; set; } = "";
    public MultiPolygon EffectiveArea { get; set; } = MultiPolygon.Empty;
    public DateTime EffectiveStart { get; set; }
    public DateTime EffectiveEnd { get; set; }
    public bool Standing { get; set; }
    public string? Exclusions { get; set; }
    /// <summary>The conditions of every conditional approval, one per line, prefixed with the authority's code.</summary>
    public string? Conditions { get; set; }
    public List<DeployedPerson> Personnel { get; set; } = [];
    public List<DeployedVehicle> Vehicles { get; set; } = [];
    public ConsentStatus Status { get; set; }
    /// <summary>Why it was last suspended, resumed, revoked or superseded.</summary>
    public string? StatusReason { get; set; }
    public Guid? StatusChangedByUserId { get; set; }
    public DateTime? StatusChangedAt { get; set; }
    /// <summary>The consent granted on an amendment of this one.</summary>
    public Guid? SupersededById { get; set; }
    /// <summary>The consent this one replaced (granted on an amendment of it).</summary>
    public Guid? AmendsConsentId { get; set; }
    public int Version { get; set; }
    public DateTime GrantedAt { get; set; }

    public Guid OwnerAgencyId { get; set; }
    public Tlp Tlp { get; set; }
    public Guid CreatedByUserId { get; set; }
}
internal sealed class ConsentConfiguration : IEntityTypeConfiguration<Consent>
{
    public void Configure(EntityTypeBuilder<Consent> builder)
    {
        builder.ToTable("Consents");
        builder.ConfigureMarking();
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Purpose).HasMaxLength(2000);
        builder.Property(c => c.Exclusions).HasMaxLength(2000);
        builder.Property(c => c.Conditions).HasMaxLength(8000);
        builder.Property(c => c.StatusReason).HasMaxLength(2000);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => new { c.HostStateId, c.Status });
        builder.HasIndex(c => c.RequestId).IsUnique();
        builder.OwnsMany(c => c.Personnel, p =>
        {
            p.ToTable("ConsentPersonnel");
            p.WithOwner().HasForeignKey("ConsentId");
            p.HasKey("ConsentId", nameof(DeployedPerson.Id));
            p.Property(x => x.Id).ValueGeneratedNever();
            p.Property(x => x.Name).HasMaxLength(200);
            p.Property(x => x.Rank).HasMaxLength(100);
            p.Property(x => x.Role).HasMaxLength(200);
            p.Property(x => x.PassportNumberProtected).HasMaxLength(1000);
        });
        builder.OwnsMany(c => c.Vehicles, v =>
        {
            v.ToTable("ConsentVehicles");
            v.WithOwner().HasForeignKey("ConsentId");
            v.HasKey("ConsentId", nameof(DeployedVehicle.Id));
            v.Property(x => x.Id).ValueGeneratedNever();
            v.Property(x => x.Kind).HasMaxLength(100);
            v.Property(x => x.Callsign).HasMaxLength(100);
            v.Property(x => x.DeviceId).HasMaxLength(128);
            v.HasIndex(x => x.DeviceId);
        });
    }
}
