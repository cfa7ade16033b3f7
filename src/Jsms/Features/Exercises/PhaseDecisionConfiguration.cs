using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Features.Exercises;

internal sealed class PhaseDecisionConfiguration : IEntityTypeConfiguration<PhaseDecision>
{
    public void Configure(EntityTypeBuilder<PhaseDecision> builder)
    {
        builder.ToTable("ExercisePhaseDecisions");
        builder.Property(d => d.FromPhase).HasConversion<string>().HasMaxLength(32);
        builder.Property(d => d.ToPhase).HasConversion<string>().HasMaxLength(32);
        builder.Property(d => d.Note).HasMaxLength(4000);
        builder.HasMany(d => d.Documents).WithOne().HasForeignKey(d => d.DecisionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.ExerciseId, d.RecordedAt });
    }
}
