using Jsms.Platform.Access;
using Jsms.Platform.Web;
using Microsoft.Extensions.Localization;

namespace Jsms.Features.Protection;

/// <summary>
/// Creates or edits a protected person through <see cref="PersonsService"/> (same validation and audit as the API).
/// A caller who sees the identifiers masked gets them blank; leaving them blank keeps them.
/// </summary>
internal sealed class PersonModel(PersonsService persons, IStringLocalizer<SharedResource> text) : RecordFormPage<PersonDto, PersonForm>(text)
{
    public bool Masked { get; private set; }
    public string? MaskedPassport { get; private set; }
    public string? MaskedPhone { get; private set; }

    protected override string FormName => "person";

    protected override string ListPath => "/Protection/Persons";

    protected override Task<PersonDto?> FindAsync(Guid id) => persons.GetPersonAsync(Me, id);

    // Whether blank identifiers are kept is decided by the service from the stored record, not from the form.
    protected override Task<Outcome<PersonDto>> SaveAsync(Guid? id, PersonForm form)
        => id is { } existing
            ? persons.UpdatePersonAsync(Me, existing, ProtectionForms.ToRequest(form), keepMaskedIdentifiers: true)
            : persons.CreatePersonAsync(Me, ProtectionForms.ToRequest(form));

    protected override Task<bool> DeleteAsync(Guid id) => persons.DeletePersonAsync(Me, id);

    protected override PersonForm FormOf(PersonDto person) => ProtectionForms.ToForm(person);

    protected override MarkingDto MarkingOf(PersonDto person) => person.Marking;

    protected override string NameOf(PersonDto person) => person.Name;

    protected override string AfterSave(PersonDto saved) => $"/Protection/Person/{saved.Id}";

    protected override void Showing(PersonDto person)
    {
        Masked = person.IdentifiersMasked;
        MaskedPassport = person.IdentifiersMasked ? person.PassportNumber : null;
        MaskedPhone = person.IdentifiersMasked ? person.Phone : null;
    }
}
