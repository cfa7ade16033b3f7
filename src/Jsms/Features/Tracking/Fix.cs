namespace Jsms.Features.Tracking;

/// <summary>A position as a tracker reported it; speed already in metres per second.</summary>
internal sealed record Fix(string DeviceId, DateTime Time, double Latitude, double Longitude, double? Speed, double? Bearing, double? Altitude, double? Accuracy);
