using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Features.Incidents;

/// <summary>A group held responsible for an incident (GTD <c>gname</c>, <c>claimed</c>, <c>claimmode</c>), in the sources' order.</summary>
internal sealed class IncidentPerpetrator
{
    /// <summary>Left empty on a new row reached through its incident: EF Core then assigns it and inserts the row.</summary>
    public Guid Id { get; set; }
    public Guid IncidentId { get; set; }
    /// <summary>0 for the first group named.</summary>
    public int Ordinal { get; set; }
    public string Name { get; set; } = "";
    public ClaimStatus Claimed { get; set; }
    /// <summary>How it claimed (a letter, a call, a post on a channel); free text.</summary>
    public string? ClaimMode { get; set; }
    /// <summary>The STIX <c>threat-actor</c> id of the group, when the intelligence store holds one.</summary>
    public string? StixThreatActorId { get; set; }
}
internal sealed class IncidentPerpetratorConfiguration : IEntityTypeConfiguration<IncidentPerpetrator>
{
    public void Configure(EntityTypeBuilder<IncidentPerpetrator> builder)
    {
        builder.ToTable("IncidentPerpetrators");
        builder.Property(p => p.Name).HasMaxLength(IncidentLimits.GroupName);
        builder.Property(p => p.ClaimMode).HasMaxLength(IncidentLimits.ClaimMode);
        builder.Property(p => p.StixThreatActorId).HasMaxLength(IncidentLimits.StixId);
        builder.Property(p => p.Claimed).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(p => new { p.IncidentId, p.Ordinal });
        // Statistics and the list filter by group.
        builder.HasIndex(p => p.Name);
    }
}
