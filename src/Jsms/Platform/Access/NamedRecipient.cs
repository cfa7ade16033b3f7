using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Platform.Access;

/// <summary>User <see cref="UserId"/> is a named recipient of record <see cref="RecordId"/>.</summary>
internal sealed class NamedRecipient
{
    public Guid RecordId { get; set; }
    public Guid UserId { get; set; }
}
internal sealed class NamedRecipientConfiguration : IEntityTypeConfiguration<NamedRecipient>
{
    public void Configure(EntityTypeBuilder<NamedRecipient> builder)
    {
        builder.ToTable("NamedRecipients");
        builder.HasKey(r => new { r.RecordId, r.UserId });
        builder.HasIndex(r => new { r.UserId, r.RecordId });
    }
}
