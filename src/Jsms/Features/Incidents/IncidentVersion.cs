using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Features.Incidents;

/// <summary>
/// An incident as it stood after one change: who made it and when, which fields it changed, and a JSON snapshot of the
/// whole incident (the shape of the detail the API returns). Read only by those who may read the incident.
/// </summary>
internal sealed class IncidentVersion
{
    public Guid IncidentId { get; set; }
    public int Version { get; set; }
    public DateTime ChangedAt { get; set; }
    public Guid ChangedByUserId { get; set; }
    /// <summary>The user's name at the time, so the history reads without joining users.</summary>
    public string ChangedByName { get; set; } = "";
    /// <summary>Names of the fields changed ("created" for the first version, "merged" for a merge).</summary>
    public List<string> ChangedFields { get; set; } = [];
    public string Snapshot { get; set; } = "";
}
internal sealed class IncidentVersionConfiguration : IEntityTypeConfiguration<IncidentVersion>
{
    public void Configure(EntityTypeBuilder<IncidentVersion> builder)
    {
        builder.ToTable("IncidentVersions");
        builder.HasKey(v => new { v.IncidentId, v.Version });
        builder.Property(v => v.ChangedByName).HasMaxLength(256);
        builder.HasOne<Incident>().WithMany().HasForeignKey(v => v.IncidentId).OnDelete(DeleteBehavior.Cascade);
        // The change feed reads the versions after a point in time.
        builder.HasIndex(v => v.ChangedAt);
    }
}
