using Jsms.Platform.Access;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Jsms.Features.Intelligence;

internal sealed class RfiForm
{
    public string? To { get; set; }
    public string? Title { get; set; }
    public string? Question { get; set; }
    public DateTime? DueAt { get; set; }
    public MarkingForm Marking { get; set; } = new();
}

/// <summary>/Intelligence/Rfis: requests asked of and by the caller's agency, the overdue count (for coordinators), and the form to ask.</summary>
internal sealed class IntelligenceRfisModel(RfiService rfis, IStringLocalizer<SharedResource> text, TimeProvider clock) : JsmsPage
{
    public List<RfiSummary> Inbox { get; private set; } = [];
    public List<RfiSummary> Outbox { get; private set; } = [];
    public int OverdueCount { get; private set; }

    [BindProperty] public RfiForm NewRfi { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadCallerAsync())
        {
            return Challenge();
        }
        NewRfi.DueAt = clock.GetUtcNow().UtcDateTime.Date.AddDays(3);
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAskAsync()
    {
        if (await RefuseUnlessWriterAsync() is { } refused)
        {
            return refused;
        }
        var due = NewRfi.DueAt is { } d ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : (DateTime?)null;
        var outcome = await rfis.AskAsync(Me, new AskRfiRequest(SplitCodes(NewRfi.To), NewRfi.Title, NewRfi.Question, due, NewRfi.Marking.ToInput()));
        if (outcome.Value is { } rfi)
        {
            Notice = text["Rfi.Sent"].Value;
            return Redirect($"/Intelligence/Rfi?id={rfi.Id}");
        }
        await LoadAsync();
        return Failed("ask", outcome.Errors!);
    }

    private async Task LoadAsync()
    {
        Inbox = await rfis.ListAsync(Me, "inbox", overdue: false);
        Outbox = await rfis.ListAsync(Me, "outbox", overdue: false);
        OverdueCount = await rfis.OverdueCountAsync(Me);
    }
}
