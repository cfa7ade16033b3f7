using Jsms.Features.Audit;
using Jsms.Features.Access;

namespace Jsms.Features.Tracking;

public sealed record DeviceRequest(string? UniqueId, string? Name, string? Kind, string? Subject, MarkingInput? Marking);

public sealed record PositionDto(DateTime Time, double Latitude, double Longitude, double? Speed, double? Bearing, double? Altitude, double? Accuracy);

public sealed record DeviceDto(Guid Id, string UniqueId, string Name, DeviceKind Kind, string? Subject, PositionDto? LastPosition, MarkingDto Marking) : IAuditedRead
{
    string IAuditedRead.RecordType => nameof(Device);

    Tlp IAuditedRead.Tlp => IAuditedRead.LevelOf(Marking);
}

public sealed record SensorRequest(string? Code, string? Name, string? Kind, double? Latitude, double? Longitude, MarkingInput? Marking);

public sealed record SensorDto(Guid Id, string Code, string Name, SensorKind Kind, double Latitude, double Longitude, MarkingDto Marking) : IAuditedRead
{
    string IAuditedRead.RecordType => nameof(Sensor);

    Tlp IAuditedRead.Tlp => IAuditedRead.LevelOf(Marking);
}

/// <summary>
/// One position of the JSON batch API; speed in metres per second, time ISO 8601 (UTC unless an offset is given).
/// Settable properties, not a positional record: the serializer fills them in place, where constructor arguments were
/// boxed into an array per position (a tenth of what ingest allocated).
/// </summary>
public sealed record PositionInput
{
    public string? DeviceId { get; init; }
    public DateTime? Time { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public double? Speed { get; init; }
    public double? Bearing { get; init; }
    public double? Altitude { get; init; }
    public double? Accuracy { get; init; }
}

/// <summary>One sighting: the sensor's code, the subject seen (plate, track id) and when.</summary>
public sealed record SightingInput(string? SensorId, string? Subject, DateTime? Time);

public sealed record RefusedItem(int Index, string Id, string Reason);

public sealed record IngestResult(int Accepted, IReadOnlyList<RefusedItem> Refused, int AlertsRaised);

public sealed record TrackingStatsDto(long Positions, long Sightings, long UnknownDevices, long UnknownSensors, long Malformed, long Alerts,
    DateTime EngineNow);

/// <summary>Sets a device's OsmAnd secret: the given one (at least 16 characters), or one the server makes when absent.</summary>
public sealed record DeviceSecretRequest(string? Secret);

/// <summary>The secret just set, shown this once to the owner agency (only its hash is kept).</summary>
public sealed record DeviceSecretDto(string Secret);

/// <summary>Binds a device to a client certificate by its SHA-256 thumbprint (64 hex digits, separators allowed).</summary>
public sealed record DeviceCertificateRequest(string? Thumbprint);
