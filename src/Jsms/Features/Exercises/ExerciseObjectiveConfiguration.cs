using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Features.Exercises;

internal sealed class ExerciseObjectiveConfiguration : IEntityTypeConfiguration<ExerciseObjective>
{
    public void Configure(EntityTypeBuilder<ExerciseObjective> builder)
    {
        builder.ToTable("ExerciseObjectives");
        builder.Property(o => o.Code).HasMaxLength(32);
        builder.Property(o => o.Text).HasMaxLength(2000);
        builder.Property(o => o.Result).HasConversion<string>().HasMaxLength(16);
        builder.Property(o => o.Evidence).HasMaxLength(4000);
        builder.Property(o => o.Strengths).HasMaxLength(4000);
        builder.Property(o => o.AreasForImprovement).HasMaxLength(4000);
        builder.HasIndex(o => new { o.ExerciseId, o.Code }).IsUnique();
    }
}
