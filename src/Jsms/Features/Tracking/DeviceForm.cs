using Jsms.Platform.Access;

namespace Jsms.Features.Tracking;

/// <summary>The fields of the tracker form (Device.cshtml).</summary>
internal sealed class DeviceForm
{
    public string? UniqueId { get; set; }
    public string? Name { get; set; }
    public string? Kind { get; set; } = nameof(DeviceKind.VehicleTracker);
    public string? Subject { get; set; }
    public MarkingForm Marking { get; set; } = new();

    public DeviceRequest ToRequest() => new(UniqueId, Name, Kind, Subject, Marking.ToInput());

    public static DeviceForm Of(DeviceDto d) => new()
    {
        UniqueId = d.UniqueId, Name = d.Name, Kind = d.Kind.ToString(), Subject = d.Subject, Marking = MarkingForm.Of(d.Marking),
    };
}
