using Jsms.Platform.Access;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Jsms.Features.Consultations;

internal sealed class DialogueForm
{
    public string? Title { get; set; }
    public string? Format { get; set; }
    public string? Description { get; set; }
    public string? Parties { get; set; }
    public MarkingForm Marking { get; set; } = new();
}

internal sealed class IndexModel(DialoguesService dialogues) : JsmsPage
{
    public IReadOnlyList<DialogueDto> Dialogues { get; private set; } = [];

    [BindProperty] public DialogueForm NewDialogue { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadCallerAsync())
        {
            return Challenge();
        }
        Dialogues = await dialogues.ListDialoguesAsync(Me);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await RefuseUnlessWriterAsync() is { } refused)
        {
            return refused;
        }
        var outcome = await dialogues.CreateDialogueAsync(Me, new CreateDialogueRequest(NewDialogue.Title, NewDialogue.Format,
            NewDialogue.Description, null, SplitCodes(NewDialogue.Parties), NewDialogue.Marking.ToInput()));
        if (outcome.Value is { } created)
        {
            return Redirect($"/Consultations/Dialogue/{created.Id}");
        }
        Dialogues = await dialogues.ListDialoguesAsync(Me);
        return Failed("dialogue", outcome.Errors!);
    }
}
