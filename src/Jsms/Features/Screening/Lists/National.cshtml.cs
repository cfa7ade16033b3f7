using Jsms.Features.Screening.Watchlists;
using Jsms.Platform.Database;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Jsms.Features.Screening.Lists;

/// <summary>
/// /Screening/Lists/National: the national lists with their current versions; pick one (or name a new one), upload its
/// next version (CSV or .xlsx), choose which column holds what, see the first rows as read with that mapping, then confirm
/// the import (wwwroot/js/national-list.js calls the preview and import endpoints). Below, the background rescreens.
/// </summary>
internal sealed class NationalModel(JsmsDbContext db, TimeProvider clock) : JsmsPage
{
    public bool MayImport { get; private set; }

    public List<NationalListDto> Lists { get; private set; } = [];

    public List<RescreenRunDto> Rescreens { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadCallerAsync())
        {
            return Challenge();
        }
        MayImport = ScreeningModule.MayImport(Me);
        Lists = await NationalListModule.ListsAsync(db, clock);
        Rescreens = await WatchlistsModule.RescreensAsync(db, 10);
        return Page();
    }
}
