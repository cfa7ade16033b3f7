using Jsms.Platform.Access;
using Jsms.Platform.Web;
using Microsoft.Extensions.Localization;

namespace Jsms.Features.Protection;

/// <summary>
/// Creates or edits a site through <see cref="SitesService"/>: the perimeter is drawn on the map
/// (wwwroot/js/geo-editor.js writes the GeoJSON into the form) or pasted as GeoJSON.
/// </summary>
internal sealed class SiteModel(SitesService sites, IStringLocalizer<SharedResource> text) : RecordFormPage<SiteDto, SiteForm>(text)
{
    protected override string FormName => "site";

    protected override string ListPath => "/Protection/Sites";

    protected override Task<SiteDto?> FindAsync(Guid id) => sites.GetSiteAsync(Me, id);

    protected override async Task<Outcome<SiteDto>> SaveAsync(Guid? id, SiteForm form)
    {
        var errors = new Dictionary<string, string[]>();
        var request = ProtectionForms.ToRequest(form, errors);
        var outcome = id is { } existing ? await sites.UpdateSiteAsync(Me, existing, request) : await sites.CreateSiteAsync(Me, request);
        if (outcome.Errors is { } all)
        {
            // A perimeter that is not JSON reaches the service as none (refused there); say why it is none.
            Validate.Merge(all, errors);
        }
        return outcome;
    }

    protected override Task<bool> DeleteAsync(Guid id) => sites.DeleteSiteAsync(Me, id);

    protected override SiteForm FormOf(SiteDto site) => ProtectionForms.ToForm(site);

    protected override MarkingDto MarkingOf(SiteDto site) => site.Marking;

    protected override string NameOf(SiteDto site) => site.Name;

    protected override string AfterSave(SiteDto saved) => $"/Protection/Site/{saved.Id}";
}
