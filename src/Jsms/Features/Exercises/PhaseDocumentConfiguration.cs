using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Features.Exercises;

internal sealed class PhaseDocumentConfiguration : IEntityTypeConfiguration<PhaseDocument>
{
    public void Configure(EntityTypeBuilder<PhaseDocument> builder)
    {
        builder.ToTable("ExercisePhaseDocuments");
        builder.Property(d => d.Name).HasMaxLength(300);
        builder.Property(d => d.Url).HasMaxLength(2000);
        builder.Property(d => d.Text).HasMaxLength(8000);
    }
}
