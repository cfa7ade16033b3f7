using Jsms.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Jsms.Features.Protection;

/// <summary>
/// Creates or edits a protected person through <see cref="ProtectionService"/> (same validation and audit as the API).
/// A caller who sees the identifiers masked gets them blank; leaving them blank keeps them.
/// </summary>
public sealed class PersonModel(ProtectionService protection, IStringLocalizer<SharedResource> text) : JsmsPage
{
    [FromRoute] public Guid? Id { get; set; }

    [BindProperty] public PersonForm Form { get; set; } = new();

    public bool Editable { get; private set; }
    public bool Masked { get; private set; }
    public string? MaskedPassport { get; private set; }
    public string? MaskedPhone { get; private set; }

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
        var person = await protection.GetPersonAsync(Me, id);
        if (person is null)
        {
            return NotFound();
        }
        Show(person);
        Form = ProtectionForms.ToForm(person);
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
        var request = ProtectionForms.ToRequest(Form);
        Editable = true;
        // Whether blank identifiers are kept is decided by the service from the stored record, not from the form.
        var outcome = Id is { } id
            ? await protection.UpdatePersonAsync(Me, id, request, keepMaskedIdentifiers: true)
            : await protection.CreatePersonAsync(Me, request);
        if (outcome.Value is { } saved)
        {
            Notice = text["Protection.Saved", saved.Name].Value;
            return Redirect($"/Protection/Person/{saved.Id}");
        }
        return outcome.IsNotFound ? NotFound() : Failed("person", outcome.Errors!);
    }

    public async Task<IActionResult> OnPostDeleteAsync()
    {
        if (!await LoadCallerAsync())
        {
            return Challenge();
        }
        if (Id is not { } id || !Me.CanWrite || !await protection.DeletePersonAsync(Me, id))
        {
            return NotFound();
        }
        Notice = text["Protection.Deleted"].Value;
        return Redirect("/Protection/Persons");
    }

    private void Show(PersonDto person)
    {
        Editable = CanChange(person.Marking);
        Masked = person.IdentifiersMasked;
        MaskedPassport = person.IdentifiersMasked ? person.PassportNumber : null;
        MaskedPhone = person.IdentifiersMasked ? person.Phone : null;
    }
}
