using Jsms.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Platform.Partners;

internal sealed class Agency : IAudited
{
    public Guid Id { get; set; }
    public Guid StateId { get; set; }
    public State? State { get; set; }
    /// <summary>Short unique code used in release-to lists and the API, e.g. PK-NACTA.</summary>
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public AgencyKind Kind { get; set; }
}
internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> builder)
    {
        builder.ToTable("Agencies");
        builder.Property(a => a.Code).HasMaxLength(32);
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(a => a.Code).IsUnique();
        builder.HasOne(a => a.State).WithMany().HasForeignKey(a => a.StateId).OnDelete(DeleteBehavior.Restrict);
    }
}
