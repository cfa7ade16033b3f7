using Jsms.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Jsms.Features.Screening.Lists;

/// <summary>
/// /Screening/Lists/National: upload an agency's own list (CSV), choose which column holds what, see the first rows as
/// read with that mapping, then confirm the import (wwwroot/js/national-list.js calls the preview and import endpoints).
/// </summary>
internal sealed class NationalModel : JsmsPage
{
    public bool MayImport { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadCallerAsync())
        {
            return Challenge();
        }
        MayImport = ScreeningModule.MayImport(Me);
        return Page();
    }
}
