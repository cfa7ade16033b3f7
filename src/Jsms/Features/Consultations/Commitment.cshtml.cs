using Jsms.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Jsms.Features.Consultations;

internal sealed class StatusForm
{
    public string? Status { get; set; }
    public int? PercentComplete { get; set; }
    public string? DueOn { get; set; }
}

internal sealed class NoteForm
{
    public string? Text { get; set; }
    public string? WrittenOn { get; set; }
}

internal sealed class CommitmentModel(CommitmentsService commitments) : JsmsPage
{
    [FromRoute] public Guid Id { get; set; }

    public CommitmentDto Commitment { get; private set; } = null!;

    [BindProperty] public StatusForm Update { get; set; } = new();

    [BindProperty] public NoteForm Note { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }
        Update = new StatusForm { Status = Commitment.Status.ToString(), PercentComplete = Commitment.PercentComplete, DueOn = Date(Commitment.DueOn) };
        Note = new NoteForm { WrittenOn = Date(commitments.Today) };
        return Page();
    }

    public async Task<IActionResult> OnPostStatusAsync()
    {
        if (await RefuseUnlessWriterAsync() is { } refused)
        {
            return refused;
        }
        var outcome = await commitments.UpdateCommitmentAsync(Me, Id, new UpdateCommitmentRequest(Update.Status, Update.PercentComplete, Update.DueOn));
        return await AfterAsync(outcome, "status");
    }

    public async Task<IActionResult> OnPostNoteAsync()
    {
        if (await RefuseUnlessWriterAsync() is { } refused)
        {
            return refused;
        }
        var outcome = await commitments.AddProgressNoteAsync(Me, Id, new AddProgressNoteRequest(Note.Text, Note.WrittenOn));
        return await AfterAsync(outcome, "note");
    }

    private async Task<IActionResult> AfterAsync(Outcome<CommitmentDto> outcome, string form)
    {
        if (outcome.Value is not null)
        {
            return Redirect($"/Consultations/Commitment/{Id}");
        }
        if (outcome.IsNotFound || !await LoadAsync())
        {
            return NotFound();
        }
        return Failed(form, outcome.Errors!);
    }

    private async Task<bool> LoadAsync()
    {
        if (!await LoadCallerAsync() || await commitments.GetCommitmentAsync(Me, Id) is not { } commitment)
        {
            return false;
        }
        Commitment = commitment;
        return true;
    }
}
