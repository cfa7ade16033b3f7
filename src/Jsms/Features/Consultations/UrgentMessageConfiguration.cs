using Jsms.Platform.Access;
using Jsms.Platform.Partners;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Features.Consultations;

internal sealed class UrgentMessageConfiguration : IEntityTypeConfiguration<UrgentMessage>
{
    public void Configure(EntityTypeBuilder<UrgentMessage> builder)
    {
        builder.ToTable("UrgentMessages");
        builder.ConfigureMarking();
        builder.Property(m => m.Subject).HasMaxLength(300);
        builder.Property(m => m.Body).HasMaxLength(8000);
        builder.Property(m => m.Reply).HasMaxLength(4000);
        builder.HasOne<Agency>().WithMany().HasForeignKey(m => m.ToAgencyId).OnDelete(DeleteBehavior.Restrict);
        // The monitor looks for unacknowledged, unescalated messages past their deadline.
        builder.HasIndex(m => new { m.AcknowledgedAt, m.EscalatedAt, m.AcknowledgeBy });
        builder.HasIndex(m => new { m.ToAgencyId, m.SentAt });
    }
}
