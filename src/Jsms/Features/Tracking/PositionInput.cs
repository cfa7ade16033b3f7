namespace Jsms.Features.Tracking;

/// <summary>
/// One position of the JSON batch API; speed in metres per second, time ISO 8601 (UTC unless an offset is given).
/// Settable properties, not a positional record: the serializer fills them in place, where constructor arguments were
/// boxed into an array per position (a tenth of what ingest allocated).
/// </summary>
internal sealed record PositionInput
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
