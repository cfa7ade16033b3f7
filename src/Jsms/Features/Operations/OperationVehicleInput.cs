namespace Jsms.Features.Operations;

/// <summary>A vehicle of the operation: callsign and tracker device id (if any).</summary>
internal sealed record OperationVehicleInput(string? Callsign, string? DeviceId);
