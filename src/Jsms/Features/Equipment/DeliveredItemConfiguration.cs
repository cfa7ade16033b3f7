using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Features.Equipment;

internal sealed class DeliveredItemConfiguration : IEntityTypeConfiguration<DeliveredItem>
{
    public void Configure(EntityTypeBuilder<DeliveredItem> builder)
    {
        builder.ToTable("SupplyDeliveredItems");
        builder.Property(i => i.ItemType).HasMaxLength(200);
        builder.Property(i => i.SerialNumber).HasMaxLength(100);
        builder.Property(i => i.LastStatus).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<SupplyAgreement>().WithMany().HasForeignKey(i => i.AgreementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Delivery>().WithMany().HasForeignKey(i => i.DeliveryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => new { i.AgreementId, i.SerialNumber }).IsUnique();
    }
}
