using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Features.Intelligence;

/// <summary>The TAXII status resource of one POST to a collection's objects, visible to the user who posted.</summary>
internal sealed class TaxiiStatus
{
    public Guid Id { get; set; }

    public Guid CollectionId { get; set; }

    public Guid UserId { get; set; }

    public DateTime RequestTimestamp { get; set; }

    /// <summary>The status resource as JSON (successes and failures included).</summary>
    public string Json { get; set; } = "";
}

internal sealed class TaxiiStatusConfiguration : IEntityTypeConfiguration<TaxiiStatus>
{
    public void Configure(EntityTypeBuilder<TaxiiStatus> builder)
    {
        builder.ToTable("TaxiiStatuses");
        builder.HasIndex(s => s.UserId);
    }
}
