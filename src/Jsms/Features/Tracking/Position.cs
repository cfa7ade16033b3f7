using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Features.Tracking;

/// <summary>A stored position of a device (reached only through its readable device). Speed in metres per second.</summary>
internal sealed class Position
{
    public long Id { get; set; }
    public Guid DeviceId { get; set; }
    public DateTime Time { get; set; }
    public DateTime ReceivedAt { get; set; }
    public double Latitude { get; set; }
    public double Longitude { get; set; }
    public double? Speed { get; set; }
    public double? Bearing { get; set; }
    public double? Altitude { get; set; }
    public double? Accuracy { get; set; }
}
internal sealed class PositionConfiguration : IEntityTypeConfiguration<Position>
{
    public void Configure(EntityTypeBuilder<Position> builder)
    {
        builder.ToTable("Positions");
        builder.HasKey(p => p.Id);
        // Time only, not (device, time): new rows land at the index's right edge. A per-device index takes a page per
        // device at every commit (10,000 devices: ~40 MB of SQLite WAL per group; docs/decisions/0007, "Storage").
        // For the same reason no foreign key to Devices (EF would index it): deleting a device deletes its positions itself.
        builder.HasIndex(p => p.Time);
    }
}
