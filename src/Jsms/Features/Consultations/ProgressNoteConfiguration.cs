using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Features.Consultations;

internal sealed class ProgressNoteConfiguration : IEntityTypeConfiguration<ProgressNote>
{
    public void Configure(EntityTypeBuilder<ProgressNote> builder)
    {
        builder.ToTable("ProgressNotes");
        builder.Property(n => n.Text).HasMaxLength(4000);
        builder.HasIndex(n => new { n.CommitmentId, n.WrittenOn });
    }
}
