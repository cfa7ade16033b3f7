namespace Jsms.Features.Tracking;

/// <summary>A position to store: the (known, visible) device it came from and the fix, speed in metres per second.</summary>
internal sealed record PositionToStore(Device Device, Fix Fix);
