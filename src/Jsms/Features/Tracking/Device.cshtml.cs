using Jsms.Platform.Access;
using Jsms.Platform.Web;
using Microsoft.Extensions.Localization;

namespace Jsms.Features.Tracking;

/// <summary>Creates, edits or deletes a tracker through <see cref="DeviceRegistry"/> (same validation as the API).</summary>
internal sealed class DeviceModel(DeviceRegistry registry, IStringLocalizer<SharedResource> text) : RecordFormPage<DeviceDto, DeviceForm>(text)
{
    protected override string FormName => "device";

    protected override string ListPath => "/Tracking/Devices";

    protected override Task<DeviceDto?> FindAsync(Guid id) => registry.GetDeviceAsync(Me, id);

    protected override Task<Outcome<DeviceDto>> SaveAsync(Guid? id, DeviceForm form)
        => id is { } existing ? registry.UpdateDeviceAsync(Me, existing, form.ToRequest()) : registry.CreateDeviceAsync(Me, form.ToRequest());

    protected override Task<bool> DeleteAsync(Guid id) => registry.DeleteDeviceAsync(Me, id);

    protected override DeviceForm FormOf(DeviceDto device) => DeviceForm.Of(device);

    protected override MarkingDto MarkingOf(DeviceDto device) => device.Marking;

    protected override string NameOf(DeviceDto device) => device.Name;
}
