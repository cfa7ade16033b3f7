using Jsms.Platform.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Features.Intelligence;

/// <summary>
/// A TAXII collection of STIX objects. Every signed-in user may list collections; what a collection
/// returns is decided per object version by the access policy (docs/intelligence.md).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "Named after the TAXII 2.1 collection resource.")]
internal sealed class StixCollection
{
    public Guid Id { get; set; }

    public string Title { get; set; } = "";

    public string? Description { get; set; }

    /// <summary>The TLP given to incoming objects that carry no TLP marking of their own.</summary>
    public Tlp DefaultTlp { get; set; } = Tlp.Amber;

    public Guid CreatedByAgencyId { get; set; }

    public DateTime CreatedAt { get; set; }
}

internal sealed class StixCollectionConfiguration : IEntityTypeConfiguration<StixCollection>
{
    public void Configure(EntityTypeBuilder<StixCollection> builder)
    {
        builder.ToTable("StixCollections");
        builder.Property(c => c.Title).HasMaxLength(200);
        builder.Property(c => c.Description).HasMaxLength(2000);
        builder.Property(c => c.DefaultTlp).HasConversion<string>().HasMaxLength(16);
    }
}
