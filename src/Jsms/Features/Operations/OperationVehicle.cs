namespace Jsms.Features.Operations;

/// <summary>A vehicle or aircraft of the operation; <see cref="DeviceId"/> is its tracker (Tracking's device id), watched against the consent.</summary>
internal sealed class OperationVehicle
{
    public Guid Id { get; set; }
    public string Callsign { get; set; } = "";
    public string? DeviceId { get; set; }
}
