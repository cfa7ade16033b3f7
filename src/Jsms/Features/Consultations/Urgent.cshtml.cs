using Jsms.Platform.Access;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Jsms.Features.Consultations;

internal sealed class UrgentForm
{
    public string? To { get; set; }
    public string? Subject { get; set; }
    public string? Body { get; set; }
    public int? AcknowledgeWithinMinutes { get; set; } = 60;
    public MarkingForm Marking { get; set; } = new();
}

internal sealed class UrgentModel(UrgentChannel channel, DialoguesService dialogues, IStringLocalizer<SharedResource> text) : JsmsPage
{
    public UrgentBoxDto Box { get; private set; } = new([], []);

    public IReadOnlyList<string> AgencyCodes { get; private set; } = [];

    [BindProperty] public UrgentForm NewMessage { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return Challenge();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostSendAsync()
    {
        if (await RefuseUnlessWriterAsync() is { } refused)
        {
            return refused;
        }
        var outcome = await channel.SendAsync(Me, new SendUrgentRequest(NewMessage.To, NewMessage.Subject, NewMessage.Body,
            NewMessage.AcknowledgeWithinMinutes, NewMessage.Marking.ToInput()));
        if (outcome.Value is not null)
        {
            Notice = text["Urgent.Sent"].Value;
            return Redirect("/Consultations/Urgent");
        }
        await LoadAsync();
        return Failed("send", outcome.Errors!);
    }

    public async Task<IActionResult> OnPostAcknowledgeAsync(Guid id, string? reply)
    {
        if (await RefuseUnlessWriterAsync() is { } refused)
        {
            return refused;
        }
        var outcome = await channel.AcknowledgeAsync(Me, id, new AcknowledgeUrgentRequest(reply));
        if (outcome.IsNotFound)
        {
            return NotFound();
        }
        if (outcome.Errors is { } errors)
        {
            await LoadAsync();
            return Failed("ack-" + id, errors);
        }
        Notice = outcome.Conflict ?? text["Urgent.Done"].Value;
        return Redirect("/Consultations/Urgent");
    }

    private async Task<bool> LoadAsync()
    {
        if (!await LoadCallerAsync())
        {
            return false;
        }
        Box = await channel.BoxAsync(Me);
        AgencyCodes = (await dialogues.AgencyCodesAsync()).Values.Where(c => c != MyAgencyCode).Order(StringComparer.Ordinal).ToList();
        return true;
    }
}
