using Jsms.Platform.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Features.Exercises;

internal sealed class ExerciseConfiguration : IEntityTypeConfiguration<Exercise>
{
    public void Configure(EntityTypeBuilder<Exercise> builder)
    {
        builder.ToTable("Exercises");
        builder.ConfigureMarking();
        builder.Property(e => e.Name).HasMaxLength(300);
        builder.Property(e => e.Scenario).HasMaxLength(8000);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Phase).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.HotWashNotes).HasMaxLength(8000);
        builder.Property(e => e.AarSummary).HasMaxLength(8000);
        builder.HasMany(e => e.Participants).WithOne().HasForeignKey(p => p.ExerciseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Objectives).WithOne().HasForeignKey(o => o.ExerciseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Injects).WithOne().HasForeignKey(i => i.ExerciseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Decisions).WithOne().HasForeignKey(d => d.ExerciseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Improvements).WithOne().HasForeignKey(i => i.ExerciseId).OnDelete(DeleteBehavior.Cascade);
        // The overdue-report monitor looks for reports due and not issued.
        builder.HasIndex(e => new { e.AarDueAt, e.AarIssuedAt });
    }
}
