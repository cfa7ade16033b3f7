using Jsms.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Jsms.Features.Tracking;

/// <summary>Creates, edits or deletes a sensor through <see cref="DeviceRegistry"/> (same validation as the API).</summary>
public sealed class SensorModel(DeviceRegistry registry, IStringLocalizer<SharedResource> text) : JsmsPage
{
    [FromRoute] public Guid? Id { get; set; }

    [BindProperty] public SensorForm Form { get; set; } = new();

    public bool Editable { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadCallerAsync())
        {
            return Challenge();
        }
        if (Id is not { } id)
        {
            Editable = Me.CanWrite;
            return Editable ? Page() : NotFound();
        }
        if (await registry.GetSensorAsync(Me, id) is not { } sensor)
        {
            return NotFound();
        }
        Editable = CanChange(sensor.Marking);
        Form = SensorForm.Of(sensor);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadCallerAsync())
        {
            return Challenge();
        }
        if (!Me.CanWrite)
        {
            return NotFound();
        }
        Editable = true;
        var outcome = Id is { } id ? await registry.UpdateSensorAsync(Me, id, Form.ToRequest()) : await registry.CreateSensorAsync(Me, Form.ToRequest());
        if (outcome.Value is { } saved)
        {
            Notice = text["Protection.Saved", saved.Name].Value;
            return Redirect("/Tracking/Sensors");
        }
        return outcome.IsNotFound ? NotFound() : Failed("sensor", outcome.Errors!);
    }

    public async Task<IActionResult> OnPostDeleteAsync()
    {
        if (!await LoadCallerAsync())
        {
            return Challenge();
        }
        if (Id is not { } id || !Me.CanWrite || !await registry.DeleteSensorAsync(Me, id))
        {
            return NotFound();
        }
        Notice = text["Protection.Deleted"].Value;
        return Redirect("/Tracking/Sensors");
    }
}
