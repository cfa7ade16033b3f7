using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Platform.Access;

/// <summary>The record <see cref="RecordId"/> is released to agency <see cref="AgencyId"/>.</summary>
internal sealed class ReleaseGrant
{
    public Guid RecordId { get; set; }
    public Guid AgencyId { get; set; }
}
internal sealed class ReleaseGrantConfiguration : IEntityTypeConfiguration<ReleaseGrant>
{
    public void Configure(EntityTypeBuilder<ReleaseGrant> builder)
    {
        builder.ToTable("ReleaseGrants");
        builder.HasKey(g => new { g.RecordId, g.AgencyId });
        // The policy asks "is this record released to my agency?": agency first serves that lookup.
        builder.HasIndex(g => new { g.AgencyId, g.RecordId });
    }
}
