using Jsms.Platform.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Features.Consultations;

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.ToTable("Meetings");
        builder.ConfigureMarking();
        builder.Property(m => m.Title).HasMaxLength(300);
        builder.Property(m => m.Place).HasMaxLength(200);
        builder.Property(m => m.Participants).HasMaxLength(4000);
        builder.Property(m => m.Agenda).HasMaxLength(8000);
        builder.Property(m => m.Minutes).HasMaxLength(32000);
        builder.HasOne<Dialogue>().WithMany().HasForeignKey(m => m.DialogueId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.DialogueId, m.HeldOn });
    }
}
