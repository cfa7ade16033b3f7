using Jsms.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Platform.Partners;

/// <summary>The legal basis of a partnership.</summary>
internal sealed class Agreement : IAudited
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public string Title { get; set; } = "";
    /// <summary>The parties as they sign, e.g. "Islamic Republic of Pakistan; People's Republic of China".</summary>
    public string Parties { get; set; } = "";
    public DateOnly? SignedOn { get; set; }
    public string Scope { get; set; } = "";
}
internal sealed class AgreementConfiguration : IEntityTypeConfiguration<Agreement>
{
    public void Configure(EntityTypeBuilder<Agreement> builder)
    {
        builder.ToTable("Agreements");
        builder.Property(a => a.Title).HasMaxLength(300);
        builder.Property(a => a.Parties).HasMaxLength(1000);
        builder.Property(a => a.Scope).HasMaxLength(4000);
    }
}
