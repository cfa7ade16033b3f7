using Jsms.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Jsms.Features.Assistance;

internal sealed class ActivityModel(AssistanceService assistance) : JsmsPage
{
    [FromRoute] public Guid Id { get; set; }

    public ActivityDto Activity { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadCallerAsync())
        {
            return Challenge();
        }
        if (await assistance.GetAsync(Me, Id) is not { } activity)
        {
            return NotFound();
        }
        Activity = activity;
        return Page();
    }
}
