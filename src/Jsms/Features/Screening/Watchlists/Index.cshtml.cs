using Jsms.Platform.Access;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Jsms.Features.Screening.Watchlists;

/// <summary>/Screening/Watchlists: the watchlists the caller may read, with their subjects and open matches, and a form to start one.</summary>
internal sealed class IndexModel(WatchlistsService watchlists) : JsmsPage
{
    public List<WatchlistDto> Watchlists { get; private set; } = [];

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
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
