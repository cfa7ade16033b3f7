namespace Jsms.Features.Operations;

/// <summary>A vehicle or aircraft a request names; <see cref="DeviceId"/> is its tracker (Tracking's device id), if any.</summary>
internal sealed class DeployedVehicle
{
    public Guid Id { get; set; }
    /// <summary>E.g. "armoured car", "helicopter".</summary>
    public string Kind { get; set; } = "";
    /// <summary>Callsign or registration.</summary>
    public string Callsign { get; set; } = "";
    public string? DeviceId { get; set; }
}
