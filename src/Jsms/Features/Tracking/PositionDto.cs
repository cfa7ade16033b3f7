namespace Jsms.Features.Tracking;

internal sealed record PositionDto(DateTime Time, double Latitude, double Longitude, double? Speed, double? Bearing, double? Altitude, double? Accuracy);
