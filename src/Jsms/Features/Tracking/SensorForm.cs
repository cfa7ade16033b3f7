using Jsms.Platform.Access;

namespace Jsms.Features.Tracking;

/// <summary>The fields of the sensor form (Sensor.cshtml).</summary>
internal sealed class SensorForm
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? Kind { get; set; } = nameof(SensorKind.Anpr);
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public MarkingForm Marking { get; set; } = new();

    public SensorRequest ToRequest() => new(Code, Name, Kind, Latitude, Longitude, Marking.ToInput());

    public static SensorForm Of(SensorDto s) => new()
    {
        Code = s.Code, Name = s.Name, Kind = s.Kind.ToString(), Latitude = s.Latitude, Longitude = s.Longitude,
        Marking = MarkingForm.Of(s.Marking),
    };
}
