using Jsms.Platform.Access;
using Jsms.Platform.Partners;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Features.Consultations;

internal sealed class DialogueConfiguration : IEntityTypeConfiguration<Dialogue>
{
    public void Configure(EntityTypeBuilder<Dialogue> builder)
    {
        builder.ToTable("Dialogues");
        builder.ConfigureMarking();
        builder.Property(d => d.Title).HasMaxLength(300);
        builder.Property(d => d.Format).HasMaxLength(200);
        builder.Property(d => d.Description).HasMaxLength(4000);
        builder.HasOne<Partnership>().WithMany().HasForeignKey(d => d.PartnershipId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(d => d.Parties).WithOne().HasForeignKey(p => p.DialogueId).OnDelete(DeleteBehavior.Cascade);
    }
}
