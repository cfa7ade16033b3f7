using Jsms.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Jsms.Features.Protection;

/// <summary>The sites the caller may read.</summary>
internal sealed class SitesModel(SitesService sites) : JsmsPage
{
    public List<SiteDto> Sites { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadCallerAsync())
        {
            return Challenge();
        }
        Sites = await sites.ListSitesAsync(Me);
        return Page();
    }
}
