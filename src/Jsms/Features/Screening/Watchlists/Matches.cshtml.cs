using Jsms.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Jsms.Features.Screening.Watchlists;

/// <summary>/Screening/Watchlists/Matches: the matches of the caller's readable watchlists, with why they matched; review one (confirm, or false positive with a reason).</summary>
internal sealed class MatchesModel(WatchMatchesService matches) : JsmsPage
{
    public List<MatchDto> Matches { get; private set; } = [];

    [BindProperty(SupportsGet = true)] public string? Status { get; set; } = "open";
    [BindProperty(SupportsGet = true)] public Guid? Watchlist { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadCallerAsync())
        {
            return Challenge();
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostReviewAsync(Guid matchId, string? decision, string? reason)
    {
        if (await RefuseUnlessWriterAsync(hideAsNotFound: true) is { } refusal)
        {
            return refusal;
        }
        var outcome = await matches.ReviewAsync(Me, matchId, new ReviewRequest(decision, reason));
        if (outcome.IsNotFound)
        {
            return NotFound();
        }
        if (outcome.Errors is { } errors)
        {
            Errors = errors;
            FailedForm = matchId.ToString();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync();
            return Page();
        }
        var m = outcome.Value!;
        Notice = $"The match of \"{m.Subject}\" with {m.Source} {m.SourceId} is marked {(m.Status == nameof(MatchStatus.FalsePositive) ? "a false positive" : "confirmed")}.";
        return Redirect($"/Screening/Watchlists/Matches?status={Status}{(Watchlist is { } w ? "&watchlist=" + w : "")}");
    }

    private async Task LoadAsync()
    {
        MatchStatus? status = Enum.TryParse<MatchStatus>(Status, true, out var s) ? s : null;
        Matches = await matches.ListAsync(Me, status, Watchlist, null);
    }
}
