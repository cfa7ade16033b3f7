using Jsms.Platform.Partners;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Features.Exercises;

internal sealed class ImprovementItemConfiguration : IEntityTypeConfiguration<ImprovementItem>
{
    public void Configure(EntityTypeBuilder<ImprovementItem> builder)
    {
        builder.ToTable("ExerciseImprovementItems");
        builder.Property(i => i.ObjectiveCode).HasMaxLength(32);
        builder.Property(i => i.CorrectiveAction).HasMaxLength(4000);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Agency>().WithMany().HasForeignKey(i => i.OwnerAgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => new { i.ExerciseId, i.DueOn });
    }
}
