using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Features.Incidents;

/// <summary>
/// A report of an incident: who published it, where, and the figures it gave, kept per source so that differing
/// figures show side by side after a merge. An imported event keeps the data set's own id (GTD <c>eventid</c>, ACLED
/// <c>event_id_cnty</c>, UCDP <c>id</c>), which identifies it when the same file is imported again.
/// </summary>
internal sealed class IncidentSource
{
    /// <summary>Left empty on a new row reached through its incident: EF Core then assigns it and inserts the row.</summary>
    public Guid Id { get; set; }
    public Guid IncidentId { get; set; }
    public string Name { get; set; } = "";
    public string? Url { get; set; }
    public DateOnly? PublishedOn { get; set; }
    public SourceFormat Format { get; set; }
    public string? SourceEventId { get; set; }
    /// <summary>The killed this source reported (all classes); null when it gave none.</summary>
    public int? Killed { get; set; }
    /// <summary>The injured this source reported; null when it gave none (ACLED gives no injured).</summary>
    public int? Injured { get; set; }
    /// <summary>
    /// For an imported event, the fingerprint of the file's row (<see cref="IncidentDiff.ContentHash"/>): the same again on a
    /// re-import means unchanged without loading the incident. Null for other sources, and after an edit in the register
    /// (a re-import then compares the incident in full).
    /// </summary>
    public string? ContentHash { get; set; }
}
internal sealed class IncidentSourceConfiguration : IEntityTypeConfiguration<IncidentSource>
{
    public void Configure(EntityTypeBuilder<IncidentSource> builder)
    {
        builder.ToTable("IncidentSources");
        builder.Property(s => s.Name).HasMaxLength(IncidentLimits.SourceName);
        builder.Property(s => s.Url).HasMaxLength(IncidentLimits.Url);
        builder.Property(s => s.SourceEventId).HasMaxLength(IncidentLimits.SourceEventId);
        builder.Property(s => s.Format).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.ContentHash).HasMaxLength(44);
        builder.HasIndex(s => s.IncidentId);
        // A re-import finds the incident of an event by the data set's id.
        builder.HasIndex(s => new { s.Format, s.SourceEventId });
    }
}
