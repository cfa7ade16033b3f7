using Jsms.Features.Access;
using Jsms.Platform.Database;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Intelligence;

/// <summary>/Intelligence/Sources: the TAXII sources this node pulls from, their status and last error (administrators only).</summary>
public sealed class IntelligenceSourcesModel(JsmsDbContext db, TaxiiPuller puller) : PageModel
{
    public List<TaxiiSourceDto> Sources { get; private set; } = [];
    public Dictionary<Guid, string> Collections { get; private set; } = [];
    public PullResult? Pulled { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await Caller.ForRequestAsync(HttpContext) is not { IsAdministrator: true })
        {
            return NotFound();
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostPullAsync(Guid id)
    {
        if (await Caller.ForRequestAsync(HttpContext) is not { IsAdministrator: true } || !await db.Set<TaxiiSource>().AnyAsync(s => s.Id == id))
        {
            return NotFound();
        }
        Pulled = await puller.PullAsync(id, HttpContext.RequestAborted);
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Sources = await TaxiiSourcesEndpoints.ListAsync(db);
        Collections = await db.Set<StixCollection>().AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Title);
    }
}
