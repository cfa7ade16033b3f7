using Jsms.Platform.Partners;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Features.Exercises;

internal sealed class ExerciseParticipantConfiguration : IEntityTypeConfiguration<ExerciseParticipant>
{
    public void Configure(EntityTypeBuilder<ExerciseParticipant> builder)
    {
        builder.ToTable("ExerciseParticipants");
        builder.HasKey(p => new { p.ExerciseId, p.AgencyId });
        builder.HasOne<Agency>().WithMany().HasForeignKey(p => p.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
