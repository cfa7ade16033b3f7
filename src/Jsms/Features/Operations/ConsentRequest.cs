using Jsms.Platform.Access;
using Jsms.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NetTopologySuite.Geometries;

namespace Jsms.Features.Operations;

/// <summary>
/// A requesting agency (the owner) asks a host state for consent to a deployment or a joint operation. Visible to the
/// parties only: it is always TLP:AMBER released to exactly the host authorities named on it (<see cref="Authorities"/>),
/// so the one access policy shows it to the requester and those authorities and to nobody else (docs/operations.md).
/// <see cref="Version"/> is a concurrency token: every decision bumps it, so two decisions saved at once cannot both count.
/// </summary>
internal sealed class ConsentRequest : IReleasable, IAudited
{
    public Guid Id { get; set; }
    public Guid HostStateId { get; set; }
    public List<ConsentAuthority> Authorities { get; set; } = [];
    public ConsentKind Kind { get; set; }
    public string Purpose { get; set; } = "";
    /// <summary>The area asked for (SRID 4326); a PostGIS column on PostgreSQL, GeoJSON text on SQLite.</summary>
    public MultiPolygon Area { get; set; } = MultiPolygon.Empty;
    public DateTime PeriodStart { get; set; }
    public DateTime PeriodEnd { get; set; }
    /// <summary>A standing (year-long) request rather than one per mission; <see cref="Exclusions"/> says what it does not cover.</summary>
    public bool Standing { get; set; }
    public string? Exclusions { get; set; }
    public List<DeployedPerson> Personnel { get; set; } = [];
    public List<DeployedVehicle> Vehicles { get; set; } = [];
    public List<RequestedEquipment> Equipment { get; set; } = [];
    public string? RulesOfEngagement { get; set; }
    /// <summary>Decisions after this instant are refused.</summary>
    public DateTime DecisionDeadline { get; set; }
    public ConsentRequestStatus Status { get; set; }
    /// <summary>The rule in force for this request, fixed when it is submitted (a later change of the configured rule does not apply).</summary>
    public DecisionRule Rule { get; set; }
    /// <summary>Approvals needed under <see cref="DecisionRule.Quorum"/>.</summary>
    public int QuorumN { get; set; }
    /// <summary>Decision round: a request sent back for more information starts a new round when resubmitted.</summary>
    public int Round { get; set; }
    public Guid? ClonedFromId { get; set; }
    /// <summary>The consent this request amends; when granted, that consent becomes Superseded.</summary>
    public Guid? AmendsConsentId { get; set; }
    /// <summary>The consent granted on this request.</summary>
    public Guid? ConsentId { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public DateTime? DecidedAt { get; set; }
    public DateTime? WithdrawnAt { get; set; }

    public Guid OwnerAgencyId { get; set; }
    public Tlp Tlp { get; set; }
    public Guid CreatedByUserId { get; set; }
}
internal sealed class ConsentRequestConfiguration : IEntityTypeConfiguration<ConsentRequest>
{
    public void Configure(EntityTypeBuilder<ConsentRequest> builder)
    {
        builder.ToTable("ConsentRequests");
        builder.ConfigureMarking();
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.Rule).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Purpose).HasMaxLength(2000);
        builder.Property(r => r.Exclusions).HasMaxLength(2000);
        builder.Property(r => r.RulesOfEngagement).HasMaxLength(500);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => new { r.HostStateId, r.Status });
        builder.HasMany(r => r.Authorities).WithOne().HasForeignKey(a => a.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.OwnsMany(r => r.Personnel, p =>
        {
            p.ToTable("ConsentRequestPersonnel");
            p.WithOwner().HasForeignKey("RequestId");
            p.HasKey("RequestId", nameof(DeployedPerson.Id));
            p.Property(x => x.Id).ValueGeneratedNever();
            p.Property(x => x.Name).HasMaxLength(200);
            p.Property(x => x.Rank).HasMaxLength(100);
            p.Property(x => x.Role).HasMaxLength(200);
            p.Property(x => x.PassportNumberProtected).HasMaxLength(1000);
        });
        builder.OwnsMany(r => r.Vehicles, v =>
        {
            v.ToTable("ConsentRequestVehicles");
            v.WithOwner().HasForeignKey("RequestId");
            v.HasKey("RequestId", nameof(DeployedVehicle.Id));
            v.Property(x => x.Id).ValueGeneratedNever();
            v.Property(x => x.Kind).HasMaxLength(100);
            v.Property(x => x.Callsign).HasMaxLength(100);
            v.Property(x => x.DeviceId).HasMaxLength(128);
        });
        builder.OwnsMany(r => r.Equipment, e =>
        {
            e.ToTable("ConsentRequestEquipment");
            e.WithOwner().HasForeignKey("RequestId");
            e.HasKey("RequestId", nameof(RequestedEquipment.Id));
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Type).HasMaxLength(200);
            e.Property(x => x.SerialNumber).HasMaxLength(100);
        });
    }
}
