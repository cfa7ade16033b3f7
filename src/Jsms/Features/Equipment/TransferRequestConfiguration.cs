using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Features.Equipment;

internal sealed class TransferRequestConfiguration : IEntityTypeConfiguration<TransferRequest>
{
    public void Configure(EntityTypeBuilder<TransferRequest> builder)
    {
        builder.ToTable("SupplyTransferRequests");
        builder.Property(t => t.ThirdParty).HasMaxLength(300);
        builder.Property(t => t.Reason).HasMaxLength(4000);
        builder.Property(t => t.DecisionReason).HasMaxLength(4000);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<SupplyAgreement>().WithMany().HasForeignKey(t => t.AgreementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => new { t.AgreementId, t.Status });
    }
}
