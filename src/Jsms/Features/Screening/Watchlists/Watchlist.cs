using Jsms.Platform.Access;
using Jsms.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Features.Screening.Watchlists;

/// <summary>
/// A list of subjects an agency keeps screening: its protected persons, the local staff, drivers and contractors around
/// them, or a financial intelligence unit's customers and counterparties. The watchlist carries the release marking; its
/// subjects and their matches are read through it (a caller who may not read the watchlist sees none of them).
/// </summary>
internal sealed class Watchlist : IReleasable, IAudited
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public DateTime CreatedAt { get; set; }

    public Guid OwnerAgencyId { get; set; }
    public Tlp Tlp { get; set; }
    public Guid CreatedByUserId { get; set; }
}
internal sealed class WatchlistConfiguration : IEntityTypeConfiguration<Watchlist>
{
    public void Configure(EntityTypeBuilder<Watchlist> builder)
    {
        builder.ToTable("Watchlists");
        builder.ConfigureMarking();
        builder.Property(w => w.Name).HasMaxLength(200);
        builder.Property(w => w.Description).HasMaxLength(1000);
    }
}
