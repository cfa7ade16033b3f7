using Jsms.Platform.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Features.Intelligence;

/// <summary>
/// One version of one STIX object in one collection: the full JSON as JSMS emits it (its marking written
/// into <c>object_marking_refs</c> and the JSMS release extension) plus the columns queries filter on.
/// The owner agency and TLP decide who may read it (<see cref="AccessPolicy"/>).
/// </summary>
internal sealed class StixObjectVersion : IReleasable
{
    public Guid Id { get; set; }

    public Guid CollectionId { get; set; }

    /// <summary>The STIX id, e.g. <c>indicator--8e2e2d2b-...</c>.</summary>
    public string StixId { get; set; } = "";

    public string Type { get; set; } = "";

    public string SpecVersion { get; set; } = "2.1";

    public DateTime? Created { get; set; }

    /// <summary>The version: <c>modified</c>, else <c>created</c>, else the date added (SCOs).</summary>
    public DateTime Modified { get; set; }

    /// <summary>The version exactly as the object writes it (keeps its sub-second precision).</summary>
    public string Version { get; set; } = "";

    public bool Revoked { get; set; }

    /// <summary>Server time the version was added; strictly increasing within a collection (the paging key).</summary>
    public DateTime DateAdded { get; set; }

    public string? CreatedByRef { get; set; }

    public string? Name { get; set; }

    /// <summary>For relationships <c>source_ref</c>, for sightings <c>sighting_of_ref</c>.</summary>
    public string? SourceRef { get; set; }

    /// <summary>For relationships <c>target_ref</c>.</summary>
    public string? TargetRef { get; set; }

    /// <summary>Lower-case name and description, for the full-text search.</summary>
    public string? SearchText { get; set; }

    public string Json { get; set; } = "";

    public Guid OwnerAgencyId { get; set; }

    public Tlp Tlp { get; set; }

    public Guid CreatedByUserId { get; set; }
}

internal sealed class StixObjectVersionConfiguration : IEntityTypeConfiguration<StixObjectVersion>
{
    public void Configure(EntityTypeBuilder<StixObjectVersion> builder)
    {
        builder.ToTable("StixObjects");
        builder.ConfigureMarking();
        builder.Property(o => o.StixId).HasMaxLength(300);
        builder.Property(o => o.Type).HasMaxLength(250);
        builder.Property(o => o.SpecVersion).HasMaxLength(8);
        builder.Property(o => o.Version).HasMaxLength(40);
        builder.Property(o => o.CreatedByRef).HasMaxLength(300);
        builder.Property(o => o.Name).HasMaxLength(500);
        builder.Property(o => o.SourceRef).HasMaxLength(300);
        builder.Property(o => o.TargetRef).HasMaxLength(300);
        // Only relationships and sightings have refs: partial indexes skip the NULL rows (most objects), so an insert of
        // any other object descends two B-trees fewer. The lookups (ref = id) imply IS NOT NULL and still use them.
        builder.HasIndex(o => o.SourceRef).HasFilter("\"SourceRef\" IS NOT NULL");
        builder.HasIndex(o => o.TargetRef).HasFilter("\"TargetRef\" IS NOT NULL");
        builder.Property(o => o.SearchText).HasMaxLength(4000);
        builder.HasOne<StixCollection>().WithMany().HasForeignKey(o => o.CollectionId).OnDelete(DeleteBehavior.Cascade);
        // The TAXII paging key: unique, so "date_added > mark" resumes exactly after the last row of a page.
        builder.HasIndex(o => new { o.CollectionId, o.DateAdded }).IsUnique();
        builder.HasIndex(o => new { o.CollectionId, o.StixId, o.Modified }).IsUnique();
        builder.HasIndex(o => new { o.CollectionId, o.Type, o.DateAdded });
    }
}
