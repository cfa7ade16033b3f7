using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Jsms.Features.Screening.Watchlists;

/// <summary>/Screening/Watchlists: the watchlists the caller may read, with their subjects and open matches, the latest background rescreens, and a form to start one.</summary>
internal sealed class IndexModel(WatchlistsService watchlists, JsmsDbContext db) : JsmsPage
{
    public List<WatchlistDto> Watchlists { get; private set; } = [];

    /// <summary>The latest background rescreens after list imports.</summary>
    public List<RescreenRunDto> Rescreens { get; private set; } = [];

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public MarkingForm Marking { get; set; } = new() { Tlp = "AMBER+STRICT" };

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadCallerAsync())
        {
            return Challenge();
        }
        Watchlists = await watchlists.ListAsync(Me);
        Rescreens = await WatchlistsModule.RescreensAsync(db, 10);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync()
    {
        if (await RefuseUnlessWriterAsync() is { } refusal)
        {
            return refusal;
        }
        var outcome = await watchlists.CreateAsync(Me, new WatchlistRequest(Name, Description, Marking.ToInput()));
        if (outcome.Value is { } created)
        {
            Notice = $"Watchlist \"{created.Name}\" created.";
            return Redirect($"/Screening/Watchlists/Watchlist/{created.Id}");
        }
        Errors = outcome.Errors;
        FailedForm = "create";
        Watchlists = await watchlists.ListAsync(Me);
        Rescreens = await WatchlistsModule.RescreensAsync(db, 10);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
