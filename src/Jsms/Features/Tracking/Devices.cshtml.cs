using Jsms.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Jsms.Features.Tracking;

/// <summary>The trackers the caller may read, with their last position.</summary>
internal sealed class DevicesModel(DeviceRegistry registry) : JsmsPage
{
    public List<DeviceDto> Devices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadCallerAsync())
        {
            return Challenge();
        }
        Devices = await registry.ListDevicesAsync(Me);
        return Page();
    }
}
