using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Platform.Audit;

/// <summary>
/// One entry of the append-only, hash-chained audit log (docs/decisions/0003-audit-log.md).
/// <see cref="Hash"/> covers every other field and <see cref="PreviousHash"/>, so editing, deleting or
/// inserting a row breaks the chain at that point.
/// </summary>
internal sealed class AuditEntry
{
    public long Sequence { get; set; }
    public DateTime Timestamp { get; set; }
    public Guid? UserId { get; set; }
    public string UserName { get; set; } = "";
    public Guid? AgencyId { get; set; }
    public string Action { get; set; } = "";
    public string? RecordType { get; set; }
    public Guid? RecordId { get; set; }
    public string? Detail { get; set; }
    public string? RemoteAddress { get; set; }
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";
}
internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.HasKey(e => e.Sequence);
        builder.Property(e => e.Sequence).ValueGeneratedNever();
        builder.Property(e => e.UserName).HasMaxLength(256);
        builder.Property(e => e.Action).HasMaxLength(64);
        builder.Property(e => e.RecordType).HasMaxLength(64);
        builder.Property(e => e.Detail).HasMaxLength(4000);
        builder.Property(e => e.RemoteAddress).HasMaxLength(64);
        builder.Property(e => e.PreviousHash).HasMaxLength(64);
        builder.Property(e => e.Hash).HasMaxLength(64);
        builder.HasIndex(e => e.Timestamp);
        builder.HasIndex(e => new { e.UserId, e.Timestamp });
        builder.HasIndex(e => e.RecordId);
    }
}
