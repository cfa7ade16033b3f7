namespace Jsms.Features.Operations;

/// <summary>A vehicle or aircraft in a request body: its kind, callsign or registration, and tracker device id (if any).</summary>
internal sealed record VehicleInput(string? Kind, string? Callsign, string? DeviceId);
