using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jsms.Features.Tracking;

/// <summary>
/// The latest stored position of each device (by event time), kept by the ingest writer in the same transaction as the
/// positions: the positions table is indexed by time only (docs/decisions/0007), so "where is it now" is read here.
/// </summary>
internal sealed class DeviceLastPosition
{
    public Guid DeviceId { get; set; }
    public long PositionId { get; set; }
    public DateTime Time { get; set; }
}
internal sealed class DeviceLastPositionConfiguration : IEntityTypeConfiguration<DeviceLastPosition>
{
    public void Configure(EntityTypeBuilder<DeviceLastPosition> builder)
    {
        builder.ToTable("DeviceLastPositions");
        builder.HasKey(p => p.DeviceId);
        builder.HasOne<Device>().WithOne().HasForeignKey<DeviceLastPosition>(p => p.DeviceId).OnDelete(DeleteBehavior.Cascade);
    }
}
