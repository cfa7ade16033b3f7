using Jsms.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Jsms.Features.Consultations;

internal sealed class MeetingModel(MeetingsService meetings) : JsmsPage
{
    [FromRoute] public Guid Id { get; set; }

    public MeetingDto Meeting { get; private set; } = null!;

    [BindProperty] public string? Minutes { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadCallerAsync() || await meetings.GetMeetingAsync(Me, Id) is not { } meeting)
        {
            return NotFound();
        }
        Meeting = meeting;
        Minutes = meeting.Minutes;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await RefuseUnlessWriterAsync() is { } refused)
        {
            return refused;
        }
        var outcome = await meetings.UpdateMinutesAsync(Me, Id, new UpdateMinutesRequest(Minutes ?? ""));
        if (outcome.Value is not null)
        {
            return Redirect($"/Consultations/Meeting/{Id}");
        }
        if (outcome.IsNotFound || await meetings.GetMeetingAsync(Me, Id) is not { } meeting)
        {
            return NotFound();
        }
        Meeting = meeting;
        return Failed("minutes", outcome.Errors!);
    }
}
