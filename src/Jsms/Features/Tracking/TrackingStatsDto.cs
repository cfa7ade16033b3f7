namespace Jsms.Features.Tracking;

internal sealed record TrackingStatsDto(long Positions, long Sightings, long UnknownDevices, long UnknownSensors, long Malformed, long Alerts,
    DateTime EngineNow);
