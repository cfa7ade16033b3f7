using Jsms.Platform.Access;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Jsms.Features.Consultations;

internal sealed class MeetingForm
{
    public string? Title { get; set; }
    public string? HeldOn { get; set; }
    public string? Place { get; set; }
    public string? Participants { get; set; }
    public string? Agenda { get; set; }
    public string? Minutes { get; set; }
    public MarkingForm Marking { get; set; } = new();
}

internal sealed class CommitmentForm
{
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? Sector { get; set; }
    public string? ResponsibleAgency { get; set; }
    public string? DueOn { get; set; }
    public Guid? MeetingId { get; set; }
    public MarkingForm Marking { get; set; } = new();
}

internal sealed class DialogueModel(DialoguesService dialogues, MeetingsService meetings, CommitmentsService commitments) : JsmsPage
{
    [FromRoute] public Guid Id { get; set; }

    public DialogueDto Dialogue { get; private set; } = null!;

    public IReadOnlyList<string> AgencyCodes { get; private set; } = [];

    [BindProperty] public MeetingForm NewMeeting { get; set; } = new();

    [BindProperty] public CommitmentForm NewCommitment { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }
        NewMeeting.Marking = ToForm(await InheritedAsync());
        NewCommitment.Marking = ToForm(await InheritedAsync());
        NewCommitment.ResponsibleAgency = MyAgencyCode;
        NewCommitment.DueOn = Date(commitments.Today.AddMonths(3));
        return Page();
    }

    public async Task<IActionResult> OnPostMeetingAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }
        if (!Me.CanWrite)
        {
            return Forbid();
        }
        var outcome = await meetings.CreateMeetingAsync(Me, Id, new CreateMeetingRequest(NewMeeting.Title, NewMeeting.HeldOn, NewMeeting.Place,
            NewMeeting.Participants, NewMeeting.Agenda, NewMeeting.Minutes, NewMeeting.Marking.ToInput()));
        if (outcome.IsNotFound)
        {
            return NotFound();
        }
        if (outcome.Errors is { } errors)
        {
            NewCommitment.Marking = ToForm(await InheritedAsync());
            return Failed("meeting", errors);
        }
        return Redirect($"/Consultations/Dialogue/{Id}#meetings");
    }

    public async Task<IActionResult> OnPostCommitmentAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }
        if (!Me.CanWrite)
        {
            return Forbid();
        }
        var outcome = await commitments.CreateCommitmentAsync(Me, Id, new CreateCommitmentRequest(NewCommitment.Title, NewCommitment.Description,
            NewCommitment.Sector, NewCommitment.ResponsibleAgency, NewCommitment.DueOn, NewCommitment.MeetingId, null, null, NewCommitment.Marking.ToInput()));
        if (outcome.IsNotFound)
        {
            return NotFound();
        }
        if (outcome.Errors is { } errors)
        {
            NewMeeting.Marking = ToForm(await InheritedAsync());
            return Failed("commitment", errors);
        }
        return Redirect($"/Consultations/Dialogue/{Id}#commitments");
    }

    private async Task<bool> LoadAsync()
    {
        if (!await LoadCallerAsync() || await dialogues.GetDialogueAsync(Me, Id) is not { } dialogue)
        {
            return false;
        }
        Dialogue = dialogue;
        AgencyCodes = (await dialogues.AgencyCodesAsync()).Values.Order(StringComparer.Ordinal).ToList();
        return true;
    }

    private async Task<MarkingInput> InheritedAsync()
        => await dialogues.InheritedMarkingAsync(Dialogue.Marking, Me);
}
