using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Platform.Partners;

internal sealed class PartnershipMember
{
    public Guid PartnershipId { get; set; }
    public Guid AgencyId { get; set; }
    public Agency? Agency { get; set; }
    public PartnershipRole Role { get; set; }
}
internal sealed class PartnershipMemberConfiguration : IEntityTypeConfiguration<PartnershipMember>
{
    public void Configure(EntityTypeBuilder<PartnershipMember> builder)
    {
        builder.ToTable("PartnershipMembers");
        builder.HasKey(m => new { m.PartnershipId, m.AgencyId });
        builder.Property(m => m.Role).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(m => new { m.AgencyId, m.Role });
        builder.HasOne(m => m.Agency).WithMany().HasForeignKey(m => m.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
