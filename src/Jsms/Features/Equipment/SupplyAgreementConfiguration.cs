using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Partners;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Features.Equipment;

internal sealed class SupplyAgreementConfiguration : IEntityTypeConfiguration<SupplyAgreement>
{
    public void Configure(EntityTypeBuilder<SupplyAgreement> builder)
    {
        builder.ToTable("SupplyAgreements");
        builder.ConfigureMarking();
        builder.Property(a => a.Title).HasMaxLength(300);
        builder.Property(a => a.Items).AsJson(20000);
        builder.Property(a => a.EndUseAssurances).HasMaxLength(8000);
        builder.Property(a => a.Monitoring).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Agency>().WithMany().HasForeignKey(a => a.RecipientAgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.NextInventoryDueOn);
    }
}
