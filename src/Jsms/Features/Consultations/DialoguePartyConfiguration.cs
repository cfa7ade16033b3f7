using Jsms.Platform.Partners;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Features.Consultations;

internal sealed class DialoguePartyConfiguration : IEntityTypeConfiguration<DialogueParty>
{
    public void Configure(EntityTypeBuilder<DialogueParty> builder)
    {
        builder.ToTable("DialogueParties");
        builder.HasKey(p => new { p.DialogueId, p.AgencyId });
        builder.HasOne<Agency>().WithMany().HasForeignKey(p => p.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
