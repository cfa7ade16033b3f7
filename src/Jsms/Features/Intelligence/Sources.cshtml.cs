using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jsms.Features.Intelligence;

/// <summary>The edit form of one source; empty fields keep their value (as the API's nulls do).</summary>
internal sealed class SourceForm
{
    public string? Name { get; set; }
    public string? ApiRootUrl { get; set; }
    public string? RemoteCollectionId { get; set; }
    public string? Username { get; set; }
    public string? Secret { get; set; }
    public int? IntervalMinutes { get; set; }
    public bool ResetMark { get; set; }
}

/// <summary>
/// /Intelligence/Sources: the TAXII sources this node pulls from, their status and last error, with edit, enable/disable
/// and delete (administrators only). Changes go through the API's own <see cref="TaxiiSourcesEndpoints"/> methods.
/// </summary>
internal sealed class IntelligenceSourcesModel(JsmsDbContext db, TaxiiPuller puller, IStringLocalizer<SharedResource> text) : PageModel
{
    public List<TaxiiSourceDto> Sources { get; private set; } = [];
    public Dictionary<Guid, string> Collections { get; private set; } = [];
    public PullResult? Pulled { get; private set; }

    [BindProperty] public SourceForm Edit { get; set; } = new();

    /// <summary>The source whose edit was refused, and why.</summary>
    public Guid? FailedId { get; private set; }
    public Dictionary<string, string[]>? Errors { get; private set; }

    [TempData] public string? Notice { get; set; }

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

    public async Task<IActionResult> OnPostEditAsync(Guid id)
    {
        var request = new UpdateTaxiiSourceRequest(Blank(Edit.Name), Blank(Edit.ApiRootUrl), Blank(Edit.RemoteCollectionId), Edit.Username ?? "",
            Blank(Edit.Secret), Edit.IntervalMinutes, null, Edit.ResetMark);
        return await UpdateAsync(id, request);
    }

    public async Task<IActionResult> OnPostEnableAsync(Guid id, bool enabled)
        => await UpdateAsync(id, new UpdateTaxiiSourceRequest(null, null, null, null, null, null, enabled, null));

    public async Task<IActionResult> OnPostDeleteAsync(Guid id)
    {
        if (await Caller.ForRequestAsync(HttpContext) is not { IsAdministrator: true } caller)
        {
            return NotFound();
        }
        if ((await TaxiiSourcesEndpoints.Delete(id, caller, db)).Result is not NoContent)
        {
            return NotFound();
        }
        Notice = text["Intelligence.SourceDeleted"];
        return RedirectToPage();
    }

    private async Task<IActionResult> UpdateAsync(Guid id, UpdateTaxiiSourceRequest request)
    {
        // Not an administrator: 404 like the GET, so the page does not reveal itself.
        if (await Caller.ForRequestAsync(HttpContext) is not { IsAdministrator: true } caller)
        {
            return NotFound();
        }
        switch ((await TaxiiSourcesEndpoints.Update(id, request, caller, db, puller)).Result)
        {
            case Ok<TaxiiSourceDto>:
                Notice = text["Intelligence.SourceSaved"];
                return RedirectToPage();
            case ValidationProblem problem:
                FailedId = id;
                Errors = new(problem.ProblemDetails.Errors);
                Response.StatusCode = StatusCodes.Status400BadRequest;
                await LoadAsync();
                return Page();
            default:
                return NotFound();
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private async Task LoadAsync()
    {
        Sources = await TaxiiSourcesEndpoints.ListAsync(db);
        Collections = await db.Set<StixCollection>().AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Title);
    }
}
