using Jsms.Platform.Access;
using Jsms.Platform.Partners;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Features.Lessons;

internal sealed class LessonConfiguration : IEntityTypeConfiguration<Lesson>
{
    public void Configure(EntityTypeBuilder<Lesson> builder)
    {
        builder.ToTable("Lessons");
        builder.ConfigureMarking();
        builder.Property(l => l.Title).HasMaxLength(300);
        builder.Property(l => l.Observation).HasMaxLength(8000);
        builder.Property(l => l.Stage).HasConversion<string>().HasMaxLength(32);
        builder.Property(l => l.Analysis).HasMaxLength(8000);
        builder.Property(l => l.RootCause).HasMaxLength(4000);
        builder.Property(l => l.Action).HasMaxLength(4000);
        builder.Property(l => l.ActionStatus).HasConversion<string>().HasMaxLength(16);
        builder.Property(l => l.ValidationNote).HasMaxLength(4000);
        builder.HasOne<Agency>().WithMany().HasForeignKey(l => l.ActionAgencyId).OnDelete(DeleteBehavior.Restrict);
        // The board: open remedial actions by agency, by due date.
        builder.HasIndex(l => new { l.Stage, l.ActionAgencyId, l.ActionDueOn });
        builder.HasIndex(l => l.ExerciseId);
    }
}
