using Jsms.Platform.Access;
using Jsms.Platform.Partners;
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

internal sealed class ExerciseParticipantConfiguration : IEntityTypeConfiguration<ExerciseParticipant>
{
    public void Configure(EntityTypeBuilder<ExerciseParticipant> builder)
    {
        builder.ToTable("ExerciseParticipants");
        builder.HasKey(p => new { p.ExerciseId, p.AgencyId });
        builder.HasOne<Agency>().WithMany().HasForeignKey(p => p.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

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

internal sealed class InjectConfiguration : IEntityTypeConfiguration<Inject>
{
    public void Configure(EntityTypeBuilder<Inject> builder)
    {
        builder.ToTable("ExerciseInjects");
        builder.Property(i => i.Sender).HasMaxLength(200);
        builder.Property(i => i.Receiver).HasMaxLength(200);
        builder.Property(i => i.Method).HasMaxLength(100);
        builder.Property(i => i.Content).HasMaxLength(4000);
        builder.Property(i => i.ExpectedAction).HasMaxLength(2000);
        builder.Property(i => i.ObjectiveCode).HasMaxLength(32);
        builder.Property(i => i.ObservedAction).HasMaxLength(4000);
        builder.Property(i => i.Assessment).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.SimulatedKind).HasMaxLength(32);
        builder.Property(i => i.SimulatedLabel).HasMaxLength(128);
        builder.HasIndex(i => new { i.ExerciseId, i.Number }).IsUnique();
    }
}

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
