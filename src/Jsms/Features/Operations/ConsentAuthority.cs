using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Features.Operations;

/// <summary>A host-state agency named on a request as one that must decide it.</summary>
internal sealed class ConsentAuthority
{
    public Guid RequestId { get; set; }
    public Guid AgencyId { get; set; }
}
internal sealed class ConsentAuthorityConfiguration : IEntityTypeConfiguration<ConsentAuthority>
{
    public void Configure(EntityTypeBuilder<ConsentAuthority> builder)
    {
        builder.ToTable("ConsentAuthorities");
        builder.HasKey(a => new { a.RequestId, a.AgencyId });
        builder.HasIndex(a => new { a.AgencyId, a.RequestId });
    }
}
