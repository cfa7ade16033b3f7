using Jsms.Platform.Access;
using Jsms.Platform.Web;
using Microsoft.Extensions.Localization;

namespace Jsms.Features.Tracking;

/// <summary>Creates, edits or deletes a sensor through <see cref="DeviceRegistry"/> (same validation as the API).</summary>
internal sealed class SensorModel(DeviceRegistry registry, IStringLocalizer<SharedResource> text) : RecordFormPage<SensorDto, SensorForm>(text)
{
    protected override string FormName => "sensor";

    protected override string ListPath => "/Tracking/Sensors";

    protected override Task<SensorDto?> FindAsync(Guid id) => registry.GetSensorAsync(Me, id);

    protected override Task<Outcome<SensorDto>> SaveAsync(Guid? id, SensorForm form)
        => id is { } existing ? registry.UpdateSensorAsync(Me, existing, form.ToRequest()) : registry.CreateSensorAsync(Me, form.ToRequest());

    protected override Task<bool> DeleteAsync(Guid id) => registry.DeleteSensorAsync(Me, id);

    protected override SensorForm FormOf(SensorDto sensor) => SensorForm.Of(sensor);

    protected override MarkingDto MarkingOf(SensorDto sensor) => sensor.Marking;

    protected override string NameOf(SensorDto sensor) => sensor.Name;
}
