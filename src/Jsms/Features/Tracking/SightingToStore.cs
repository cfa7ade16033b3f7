namespace Jsms.Features.Tracking;

/// <summary>A sighting to store: the (known, visible) sensor, the normalised subject and the time it was seen.</summary>
internal sealed record SightingToStore(Sensor Sensor, string Subject, DateTime Time);
