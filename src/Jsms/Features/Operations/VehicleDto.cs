namespace Jsms.Features.Operations;

internal sealed record VehicleDto(Guid Id, string Kind, string Callsign, string? DeviceId);
