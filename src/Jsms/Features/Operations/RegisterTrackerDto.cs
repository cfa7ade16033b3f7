namespace Jsms.Features.Operations;

/// <summary>
/// A deployed team's tracker: its last position and whether that is inside the consented area, both only when the caller
/// may read the device (else null: the register does not reveal a tracker's whereabouts beyond the device's own marking).
/// </summary>
internal sealed record RegisterTrackerDto(string DeviceId, string Callsign, DateTime? Time, double? Latitude, double? Longitude, bool? Inside);
