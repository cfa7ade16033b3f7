using Jsms.Features.Screening.Lists;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Features.Screening;

/// <summary>An entry of a list version: the source's id, and its names, dates and nationalities as JSON (<see cref="ListedEntry"/>).</summary>
internal sealed class ScreeningListEntry
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
