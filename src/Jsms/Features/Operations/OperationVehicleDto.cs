namespace Jsms.Features.Operations;

/// <summary>A vehicle of an operation and its tracker.</summary>
internal sealed record OperationVehicleDto(Guid Id, string Callsign, string? DeviceId);
