using Jsms.Platform.Partners;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Features.Intelligence;

/// <summary>An agency a request is addressed to, with the user it assigned the request to and when it first answered.</summary>
internal sealed class RfiAddressee
{
    public Guid RfiId { get; set; }
    public Guid AgencyId { get; set; }
    public Guid? AssignedToUserId { get; set; }
    public DateTime? AssignedAt { get; set; }
    public DateTime? AnsweredAt { get; set; }
}
internal sealed class RfiAddresseeConfiguration : IEntityTypeConfiguration<RfiAddressee>
{
    public void Configure(EntityTypeBuilder<RfiAddressee> builder)
    {
        builder.ToTable("RfiAddressees");
        builder.HasKey(a => new { a.RfiId, a.AgencyId });
        builder.HasIndex(a => new { a.AgencyId, a.RfiId });
        builder.HasOne<Agency>().WithMany().HasForeignKey(a => a.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
