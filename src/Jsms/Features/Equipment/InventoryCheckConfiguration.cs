using Jsms.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Features.Equipment;

internal sealed class InventoryCheckConfiguration : IEntityTypeConfiguration<InventoryCheck>
{
    public void Configure(EntityTypeBuilder<InventoryCheck> builder)
    {
        builder.ToTable("SupplyInventoryChecks");
        builder.Property(c => c.CheckerName).HasMaxLength(200);
        builder.Property(c => c.Place).HasMaxLength(300);
        builder.Property(c => c.Lines).AsJson();
        builder.HasOne<SupplyAgreement>().WithMany().HasForeignKey(c => c.AgreementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.AgreementId, c.CheckedAt });
    }
}
