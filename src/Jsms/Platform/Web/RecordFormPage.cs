using Jsms.Platform.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Jsms.Platform.Web;

/// <summary>
/// The page that creates, edits or deletes one record through its use-case service (same validation as the API):
/// <c>/X/{id?}</c> shows an empty form to a writer, or the record to whoever may read it (editable by its owner
/// agency's writers); a record the caller may not read, change or delete is 404. A save goes to
/// <see cref="AfterSave"/> (the list unless a page says otherwise) and a delete to the list, each with a notice;
/// refused input shows the form again with every error (400).
/// </summary>
internal abstract class RecordFormPage<TRecord, TForm>(IStringLocalizer<SharedResource> text) : JsmsPage
    where TRecord : class
    where TForm : class, new()
{
    [FromRoute] public Guid? Id { get; set; }

    [BindProperty] public TForm Form { get; set; } = new();

    public bool Editable { get; private set; }

    /// <summary>The record the form shows; held here so showing it is audited like any read (docs/audit-log.md).</summary>
    public TRecord? Record { get; private set; }

    /// <summary>Which form refused input belongs to (<see cref="JsmsPage.FailedForm"/>).</summary>
    protected abstract string FormName { get; }

    /// <summary>The list the page goes back to after a save or a delete.</summary>
    protected abstract string ListPath { get; }

    protected abstract Task<TRecord?> FindAsync(Guid id);

    protected abstract Task<Outcome<TRecord>> SaveAsync(Guid? id, TForm form);

    protected abstract Task<bool> DeleteAsync(Guid id);

    protected abstract TForm FormOf(TRecord record);

    protected abstract MarkingDto MarkingOf(TRecord record);

    protected abstract string NameOf(TRecord record);

    /// <summary>Where a saved record is shown.</summary>
    protected virtual string AfterSave(TRecord saved) => ListPath;

    /// <summary>The form a new record starts from, e.g. filled from the record it is made from; empty by default.</summary>
    protected virtual Task<TForm> NewFormAsync() => Task.FromResult(new TForm());

    /// <summary>Called when a record is shown, after <see cref="Editable"/> is set: for what a page shows beside the form.</summary>
    protected virtual void Showing(TRecord record)
    {
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadCallerAsync())
        {
            return Challenge();
        }
        if (Id is not { } id)
        {
            Editable = Me.CanWrite;
            if (!Editable)
            {
                return NotFound();
            }
            Form = await NewFormAsync();
            return Page();
        }
        if (await FindAsync(id) is not { } record)
        {
            return NotFound();
        }
        Record = record;
        Editable = CanChange(MarkingOf(record));
        Showing(record);
        Form = FormOf(record);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await RefuseUnlessWriterAsync(hideAsNotFound: true) is { } refused)
        {
            return refused;
        }
        Editable = true;
        Outcome<TRecord> outcome;
        try
        {
            outcome = await SaveAsync(Id, Form);
        }
        catch (UnreadableReferenceException unreadable)
        {
            // The API answers 404 naming the fields; the form shows the same beside them.
            return Failed(FormName, unreadable.Errors());
        }
        if (outcome.Value is { } saved)
        {
            Notice = text["Protection.Saved", NameOf(saved)].Value;
            return Redirect(AfterSave(saved));
        }
        return outcome.IsNotFound ? NotFound() : Failed(FormName, outcome.Errors!);
    }

    public async Task<IActionResult> OnPostDeleteAsync()
    {
        if (!await LoadCallerAsync())
        {
            return Challenge();
        }
        if (Id is not { } id || !Me.CanWrite || !await DeleteAsync(id))
        {
            return NotFound();
        }
        Notice = text["Protection.Deleted"].Value;
        return Redirect(ListPath);
    }
}
