using Jsms.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Jsms.Features.Screening.Watchlists;

/// <summary>/Screening/Watchlists/Watchlist/{id}: a watchlist's subjects; add one, upload a CSV, take in the protected persons.</summary>
[RequestSizeLimit(WatchlistsModule.MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = WatchlistsModule.MaxUploadBytes)]
internal sealed class WatchlistModel(WatchlistsService watchlists) : JsmsPage
{
    public WatchlistDto Watchlist { get; private set; } = null!;
    public List<SubjectDto> Subjects { get; private set; } = [];

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Category { get; set; }
    [BindProperty] public string? Type { get; set; }
    [BindProperty] public string? Aliases { get; set; }
    [BindProperty] public string? BirthDate { get; set; }
    [BindProperty] public string? Nationality { get; set; }
    [BindProperty] public string? Identifiers { get; set; }
    [BindProperty] public string? Role { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadCallerAsync())
        {
            return Challenge();
        }
        return await LoadAsync(id) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostSubjectAsync(Guid id)
    {
        if (await RefuseUnlessWriterAsync(hideAsNotFound: true) is { } refusal)
        {
            return refusal;
        }
        static string[] Split(string? text) => (text ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var outcome = await watchlists.AddSubjectAsync(Me, id, new SubjectRequest(Name, Category, Type, Split(Aliases), BirthDate, Nationality, Split(Identifiers), Role));
        return await AfterAsync(id, outcome.IsNotFound, outcome.Errors, "subject", outcome.Value is { } s ? $"\"{s.Name}\" added and screened." : null);
    }

    public async Task<IActionResult> OnPostUploadAsync(Guid id, IFormFile? file, string? uploadCategory)
    {
        if (await RefuseUnlessWriterAsync(hideAsNotFound: true) is { } refusal)
        {
            return refusal;
        }
        if (file is null)
        {
            return await AfterAsync(id, false, new() { ["file"] = ["Choose a CSV file."] }, "upload", null);
        }
        _ = Enum.TryParse<SubjectCategory>(uploadCategory, true, out var category);
        await using var stream = file.OpenReadStream();
        var outcome = await watchlists.UploadAsync(Me, id, stream, file.FileName, category);
        return await AfterAsync(id, outcome.IsNotFound, outcome.Errors, "upload",
            outcome.Value is { } u ? $"{u.Added} subject(s) added; screening found {u.Screening.Matches} match(es), {u.Screening.Alerts} alert(s) raised." : null);
    }

    public async Task<IActionResult> OnPostProtectedAsync(Guid id)
    {
        if (await RefuseUnlessWriterAsync(hideAsNotFound: true) is { } refusal)
        {
            return refusal;
        }
        var outcome = await watchlists.AddProtectedPersonsAsync(Me, id);
        return await AfterAsync(id, outcome.IsNotFound, outcome.Errors, "protected",
            outcome.Value is { } u ? $"{u.Added} protected person(s) added; {u.Screening.Alerts} alert(s) raised." : null);
    }

    private async Task<IActionResult> AfterAsync(Guid id, bool notFound, Dictionary<string, string[]>? errors, string form, string? notice)
    {
        if (notFound)
        {
            return NotFound();
        }
        if (errors is not null)
        {
            Errors = errors;
            FailedForm = form;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await LoadAsync(id) ? Page() : NotFound();
        }
        Notice = notice;
        return Redirect($"/Screening/Watchlists/Watchlist/{id}");
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await watchlists.GetAsync(Me, id) is not { } watchlist)
        {
            return false;
        }
        Watchlist = watchlist;
        Subjects = await watchlists.SubjectsAsync(Me, id) ?? [];
        return true;
    }
}
