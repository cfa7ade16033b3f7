using Jsms.Platform.Access;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Jsms.Features.Protection;

/// <summary>
/// Creates or edits a movement through <see cref="MovementsService"/>: principals, vehicles and escort (tracker ids),
/// a partner's deployed people (under a host's consent that must cover the movement), route drawn or pasted, corridor, checkpoints, windows, status and the need-to-know list. Loading it for editing is
/// an audited read; a movement the caller may not change answers 404.
/// </summary>
internal sealed class MovementEditModel(MovementsService movements, PersonsService persons, ITrackerDirectory trackers,
    IForeignPersonnelConsentCheck partners, IStringLocalizer<SharedResource> text) : JsmsPage
{
    [FromRoute] public Guid? Id { get; set; }

    [BindProperty] public MovementForm Form { get; set; } = new();

    public Dictionary<Guid, string> People { get; private set; } = [];
    public List<string> DeviceIds { get; private set; } = [];

    /// <summary>A partner's people under the consents the caller may read, and those the form already names.</summary>
    public List<PartnerPersonDto> Partners { get; private set; } = [];

    /// <summary>The movement the form shows (so showing it is audited, docs/audit-log.md).</summary>
    public MovementDto? Movement { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await RefuseUnlessWriterAsync(hideAsNotFound: true) is { } refused)
        {
            return refused;
        }
        if (Id is { } id)
        {
            if (await movements.GetMovementAsync(Me, id) is not { } movement || !CanChange(movement.Marking))
            {
                return NotFound();
            }
            Movement = movement;
            Form = ProtectionForms.ToForm(movement);
        }
        await LoadChoicesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await RefuseUnlessWriterAsync(hideAsNotFound: true) is { } refused)
        {
            return refused;
        }
        var errors = new Dictionary<string, string[]>();
        var request = ProtectionForms.ToRequest(Form, errors);
        if (errors.Count == 0)
        {
            Outcome<MovementDto> outcome;
            try
            {
                outcome = Id is { } id ? await movements.UpdateMovementAsync(Me, id, request) : await movements.CreateMovementAsync(Me, request);
            }
            catch (UnreadableReferenceException unreadable)
            {
                // The API answers 404 naming the fields; the form shows the same beside them.
                outcome = Outcome.Invalid<MovementDto>(unreadable.Errors());
            }
            if (outcome.IsNotFound)
            {
                return NotFound();
            }
            if (outcome.Value is { } saved)
            {
                Notice = text["Protection.Saved", saved.Name].Value;
                return Redirect($"/Protection/Movement/{saved.Id}");
            }
            errors = outcome.Errors!;
        }
        // What the form could not even read (a route that is not JSON, a checkpoint time) is refused before the service sees it.
        await LoadChoicesAsync();
        return Failed("movement", errors);
    }

    public async Task<IActionResult> OnPostDeleteAsync()
    {
        if (!await LoadCallerAsync())
        {
            return Challenge();
        }
        if (Id is not { } id || !Me.CanWrite || !await movements.DeleteMovementAsync(Me, id))
        {
            return NotFound();
        }
        Notice = text["Protection.Deleted"].Value;
        return Redirect("/Protection/Movements");
    }

    private async Task LoadChoicesAsync()
    {
        People = await persons.PersonNamesAsync(Me);
        DeviceIds = await trackers.ReadableUniqueIdsAsync(Me);
        var chosen = await partners.DescribeAsync(Me, Form.PartnerPersonnel);
        Partners = [.. (await partners.ChoicesAsync(Me)).Concat(chosen).DistinctBy(p => p.Id)];
    }
}
