using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Features.Equipment;

internal sealed class DeliveryConfiguration : IEntityTypeConfiguration<Delivery>
{
    public void Configure(EntityTypeBuilder<Delivery> builder)
    {
        builder.ToTable("SupplyDeliveries");
        builder.Property(d => d.Note).HasMaxLength(2000);
        builder.HasOne<SupplyAgreement>().WithMany().HasForeignKey(d => d.AgreementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.AgreementId, d.DeliveredOn });
    }
}
