using Jsms.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Jsms.Features.Tracking;

/// <summary>The fixed sensors (ANPR and other cameras, gates, radars) the caller may read.</summary>
internal sealed class SensorsModel(DeviceRegistry registry) : JsmsPage
{
    public List<SensorDto> Sensors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadCallerAsync())
        {
            return Challenge();
        }
        Sensors = await registry.ListSensorsAsync(Me);
        return Page();
    }
}
