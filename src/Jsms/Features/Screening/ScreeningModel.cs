using Jsms.Features.Access;
using Jsms.Features.Screening.Lists;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Features.Screening;

/// <summary>
/// One imported version of a sanctions list. Versions are never changed or deleted: a new import adds
/// a version, the newest of each source is current, and any two versions can be compared.
/// </summary>
public sealed class ScreeningListVersion
{
    public Guid Id { get; set; }
    public ListSource Source { get; set; }
    /// <summary>1, 2, 3... per source, in import order.</summary>
    public int Number { get; set; }
    public DateTime ImportedAt { get; set; }
    public string ImportedBy { get; set; } = "";
    public string FileNames { get; set; } = "";
    /// <summary>SHA-256 of the file(s) as uploaded.</summary>
    public string FileHash { get; set; } = "";
    /// <summary>The list's own publication time, when it gives one (UN dateGenerated).</summary>
    public DateTime? PublishedAt { get; set; }
    public int EntryCount { get; set; }
    /// <summary>Changes against the version before it, counted at import.</summary>
    public int Added { get; set; }
    public int Removed { get; set; }
    public int Changed { get; set; }
}

/// <summary>An entry of a list version: the source's id, and its names, dates and nationalities as JSON (<see cref="ListedEntry"/>).</summary>
public sealed class ScreeningListEntry
{
    public long Id { get; set; }
    public Guid VersionId { get; set; }
    /// <summary>UN DATAID or OFAC ent_num: what identifies the entry from one version to the next.</summary>
    public string SourceId { get; set; } = "";
    public string? Reference { get; set; }
    public EntryKind Kind { get; set; }
    public string PrimaryName { get; set; } = "";
    public string Data { get; set; } = "";
    public string ContentHash { get; set; } = "";
}

public enum ScreeningKind { Name, Batch }

/// <summary>
/// A screening as it was done: who asked about whom, against which list versions, and what came back.
/// Owned by the caller's agency and marked AMBER+STRICT by default, so re-opening it is audited.
/// </summary>
public sealed class ScreeningRecord : IReleasable
{
    public Guid Id { get; set; }
    public ScreeningKind Kind { get; set; }
    /// <summary>The name screened, or the uploaded file's name for a batch.</summary>
    public string Subject { get; set; } = "";
    public string QueryJson { get; set; } = "";
    public string ResultJson { get; set; } = "";
    public int Screened { get; set; }
    public int Hits { get; set; }
    public double Threshold { get; set; }
    public string ListVersions { get; set; } = "";
    public DateTime CreatedAt { get; set; }

    public Guid OwnerAgencyId { get; set; }
    public Tlp Tlp { get; set; }
    public Guid CreatedByUserId { get; set; }
}

internal sealed class ScreeningListVersionConfiguration : IEntityTypeConfiguration<ScreeningListVersion>
{
    public void Configure(EntityTypeBuilder<ScreeningListVersion> builder)
    {
        builder.ToTable("ScreeningListVersions");
        builder.Property(v => v.Source).HasConversion<string>().HasMaxLength(8);
        builder.Property(v => v.ImportedBy).HasMaxLength(256);
        builder.Property(v => v.FileNames).HasMaxLength(1000);
        builder.Property(v => v.FileHash).HasMaxLength(64);
        builder.HasIndex(v => new { v.Source, v.Number }).IsUnique();
    }
}

internal sealed class ScreeningListEntryConfiguration : IEntityTypeConfiguration<ScreeningListEntry>
{
    public void Configure(EntityTypeBuilder<ScreeningListEntry> builder)
    {
        builder.ToTable("ScreeningListEntries");
        builder.Property(e => e.SourceId).HasMaxLength(32);
        builder.Property(e => e.Reference).HasMaxLength(64);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.PrimaryName).HasMaxLength(1000);
        builder.Property(e => e.ContentHash).HasMaxLength(64);
        builder.HasOne<ScreeningListVersion>().WithMany().HasForeignKey(e => e.VersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.VersionId, e.SourceId }).IsUnique();
    }
}

internal sealed class ScreeningRecordConfiguration : IEntityTypeConfiguration<ScreeningRecord>
{
    public void Configure(EntityTypeBuilder<ScreeningRecord> builder)
    {
        builder.ToTable("Screenings");
        builder.ConfigureMarking();
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(8);
        builder.Property(s => s.Subject).HasMaxLength(500);
        builder.Property(s => s.ListVersions).HasMaxLength(200);
        builder.HasIndex(s => new { s.OwnerAgencyId, s.CreatedAt });
    }
}
