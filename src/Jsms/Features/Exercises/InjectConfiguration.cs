using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Features.Exercises;

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
