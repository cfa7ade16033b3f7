using Jsms.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Platform.Partners;

internal sealed class Partnership : IAudited
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public PartnershipKind Kind { get; set; }
    public string? Description { get; set; }
    public DateOnly? EstablishedOn { get; set; }
    public List<PartnershipMember> Members { get; set; } = [];
    public List<Agreement> Agreements { get; set; } = [];
}
internal sealed class PartnershipConfiguration : IEntityTypeConfiguration<Partnership>
{
    public void Configure(EntityTypeBuilder<Partnership> builder)
    {
        builder.ToTable("Partnerships");
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Description).HasMaxLength(2000);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(16);
        builder.HasMany(p => p.Members).WithOne().HasForeignKey(m => m.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Agreements).WithOne().HasForeignKey(a => a.PartnershipId).OnDelete(DeleteBehavior.Cascade);
    }
}
