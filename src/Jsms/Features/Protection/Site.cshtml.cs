using Jsms.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Jsms.Features.Protection;

/// <summary>
/// Creates or edits a site through <see cref="ProtectionService"/>: the perimeter is drawn on the map
/// (wwwroot/js/geo-editor.js writes the GeoJSON into the form) or pasted as GeoJSON.
/// </summary>
public sealed class SiteModel(ProtectionService protection, IStringLocalizer<SharedResource> text) : JsmsPage
{
    [FromRoute] public Guid? Id { get; set; }

    [BindProperty] public SiteForm Form { get; set; } = new();

    public bool Editable { get; private set; }

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
        var site = await protection.GetSiteAsync(Me, id);
        if (site is null)
        {
            return NotFound();
        }
        Editable = CanChange(site.Marking);
        Form = ProtectionForms.ToForm(site);
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
        Editable = true;
        var errors = new Dictionary<string, string[]>();
        var request = ProtectionForms.ToRequest(Form, errors);
        var outcome = Id is { } id ? await protection.UpdateSiteAsync(Me, id, request) : await protection.CreateSiteAsync(Me, request);
        if (outcome.IsNotFound)
        {
            return NotFound();
        }
        if (outcome.Value is { } saved)
        {
            Notice = text["Protection.Saved", saved.Name].Value;
            return Redirect($"/Protection/Site/{saved.Id}");
        }
        // A perimeter that is not JSON reaches the service as none (refused there); say why it is none.
        var all = outcome.Errors!;
        Validate.Merge(all, errors);
        return Failed("site", all);
    }

    public async Task<IActionResult> OnPostDeleteAsync()
    {
        if (!await LoadCallerAsync())
        {
            return Challenge();
        }
        if (Id is not { } id || !Me.CanWrite || !await protection.DeleteSiteAsync(Me, id))
        {
            return NotFound();
        }
        Notice = text["Protection.Deleted"].Value;
        return Redirect("/Protection/Sites");
    }
}
