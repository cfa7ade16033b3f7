using Jsms.Platform.Access;
using Jsms.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NetTopologySuite.Geometries;

namespace Jsms.Features.Operations;

/// <summary>
/// A joint operation on a host's territory under a granted consent (<see cref="ConsentId"/>). Owned by the lead agency;
/// TLP:AMBER released to the parties (the participating agencies, the consent's requester and host authorities) and to
/// nobody else. It is approved and started only while its consent covers its area, period and assigned partner personnel
/// (<see cref="ConsentCoverage"/>); its status moves only as <see cref="OperationTransitions"/> allows.
/// <see cref="Version"/> is a concurrency token: two status changes saved at once cannot both count.
/// </summary>
internal sealed class JointOperation : IReleasable, IAudited
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public Guid ConsentId { get; set; }
    public Guid HostStateId { get; set; }
    public string Objective { get; set; } = "";
    /// <summary>Where it takes place (SRID 4326); a PostGIS column on PostgreSQL, GeoJSON text on SQLite.</summary>
    public MultiPolygon Area { get; set; } = MultiPolygon.Empty;
    public DateTime PeriodStart { get; set; }
    public DateTime PeriodEnd { get; set; }
    public string? CommandArrangement { get; set; }
    public JointOperationStatus Status { get; set; }
    public List<OperationForce> Forces { get; set; } = [];
    public List<OperationPerson> Personnel { get; set; } = [];
    public List<OperationVehicle> Vehicles { get; set; } = [];
    public List<OperationEvent> Timeline { get; set; } = [];
    /// <summary>Incidents of the incidents module the operation led to or answered (ids only: no foreign key across modules).</summary>
    public List<Guid> IncidentIds { get; set; } = [];
    public int Arrests { get; set; }
    public string? ItemsSeized { get; set; }
    public string? OutcomeNotes { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }

    public Guid OwnerAgencyId { get; set; }
    public Tlp Tlp { get; set; }
    public Guid CreatedByUserId { get; set; }
}
internal sealed class JointOperationConfiguration : IEntityTypeConfiguration<JointOperation>
{
    public void Configure(EntityTypeBuilder<JointOperation> builder)
    {
        builder.ToTable("JointOperations");
        builder.ConfigureMarking();
        builder.Property(o => o.Name).HasMaxLength(200);
        builder.Property(o => o.Objective).HasMaxLength(2000);
        builder.Property(o => o.CommandArrangement).HasMaxLength(2000);
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(o => o.ItemsSeized).HasMaxLength(2000);
        builder.Property(o => o.OutcomeNotes).HasMaxLength(4000);
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.HasIndex(o => new { o.HostStateId, o.Status });
        builder.HasIndex(o => o.ConsentId);
        builder.OwnsMany(o => o.Forces, f =>
        {
            f.ToTable("JointOperationForces");
            f.WithOwner().HasForeignKey("OperationId");
            f.HasKey("OperationId", nameof(OperationForce.Id));
            f.Property(x => x.Id).ValueGeneratedNever();
            f.Property(x => x.Forces).HasMaxLength(1000);
        });
        builder.OwnsMany(o => o.Personnel, p =>
        {
            p.ToTable("JointOperationPersonnel");
            p.WithOwner().HasForeignKey("OperationId");
            p.HasKey("OperationId", nameof(OperationPerson.PersonId));
            p.Property(x => x.PersonId).ValueGeneratedNever();
            p.Property(x => x.Name).HasMaxLength(200);
            p.Property(x => x.Task).HasMaxLength(200);
        });
        builder.OwnsMany(o => o.Vehicles, v =>
        {
            v.ToTable("JointOperationVehicles");
            v.WithOwner().HasForeignKey("OperationId");
            v.HasKey("OperationId", nameof(OperationVehicle.Id));
            v.Property(x => x.Id).ValueGeneratedNever();
            v.Property(x => x.Callsign).HasMaxLength(100);
            v.Property(x => x.DeviceId).HasMaxLength(128);
        });
        builder.OwnsMany(o => o.Timeline, e =>
        {
            e.ToTable("JointOperationEvents");
            e.WithOwner().HasForeignKey("OperationId");
            e.HasKey("OperationId", nameof(OperationEvent.Id));
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Kind).HasMaxLength(16);
            e.Property(x => x.Text).HasMaxLength(2000);
        });
    }
}
