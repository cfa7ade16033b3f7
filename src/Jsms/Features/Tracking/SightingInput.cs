namespace Jsms.Features.Tracking;

/// <summary>One sighting: the sensor's code, the subject seen (plate, track id) and when.</summary>
internal sealed record SightingInput(string? SensorId, string? Subject, DateTime? Time);
