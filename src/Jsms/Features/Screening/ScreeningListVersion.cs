using Jsms.Features.Screening.Lists;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Features.Screening;

/// <summary>
/// One imported version of a sanctions list. Versions are never changed or deleted: a new import adds
/// a version, the newest of each source is current, and any two versions can be compared.
/// </summary>
internal sealed class ScreeningListVersion
{
    public Guid Id { get; set; }
    public ListSource Source { get; set; }
    /// <summary>Which of the agency's national lists (<see cref="NationalList"/>) this is a version of; null for UN and OFAC.</summary>
    public Guid? NationalListId { get; set; }
    /// <summary>1, 2, 3... per list (UN, OFAC, each national list), in import order.</summary>
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
internal sealed class ScreeningListVersionConfiguration : IEntityTypeConfiguration<ScreeningListVersion>
{
    public void Configure(EntityTypeBuilder<ScreeningListVersion> builder)
    {
        builder.ToTable("ScreeningListVersions");
        builder.Property(v => v.Source).HasConversion<string>().HasMaxLength(8);
        builder.Property(v => v.ImportedBy).HasMaxLength(256);
        builder.Property(v => v.FileNames).HasMaxLength(1000);
        builder.Property(v => v.FileHash).HasMaxLength(64);
        // NationalListId names a NationalList (never deleted) without a foreign key constraint: adding one to this existing
        // table would make SQLite rebuild it with foreign keys off, a migration that cannot run in a transaction.
        // One number per list: per source for UN and OFAC, per national list otherwise (the filters keep NULLs out of the second).
        builder.HasIndex(v => new { v.Source, v.Number }).IsUnique().HasFilter("\"NationalListId\" IS NULL");
        builder.HasIndex(v => new { v.NationalListId, v.Number }).IsUnique().HasFilter("\"NationalListId\" IS NOT NULL");
    }
}
