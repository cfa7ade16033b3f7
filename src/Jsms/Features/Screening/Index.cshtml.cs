using Jsms.Features.Screening.Matching;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jsms.Features.Screening;

/// <summary>/Screening: screen a name (results with explanations), screen a CSV batch, see and import list versions.</summary>
// The real lists are megabytes: the page takes uploads up to the API's list limit (the handlers apply theirs within it).
[RequestSizeLimit(ScreeningModule.MaxListUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ScreeningModule.MaxListUploadBytes)]
internal sealed class IndexModel(Screener screener, ReleaseMarkings markings, JsmsDbContext db, ListImporter importer) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? BirthDate { get; set; }
    [BindProperty] public string? Nationality { get; set; }
    [BindProperty] public string? Type { get; set; }

    public ScreeningResultDto? Result { get; private set; }
    public BatchResultDto? Batch { get; private set; }
    public ListDiffDto? Diff { get; private set; }
    public List<ListVersionDto> Versions { get; private set; } = [];
    public List<ScreeningSummaryDto> Recent { get; private set; } = [];
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public string? Notice { get; private set; }
    public bool MayImport { get; private set; }

    public async Task OnGetAsync(Guid? diff)
    {
        await LoadAsync();
        if (diff is { } id)
        {
            Diff = await ScreeningModule.DiffAsync(id, null, db, importer);
        }
    }

    public async Task OnPostSearchAsync()
    {
        var caller = (await Caller.ForRequestAsync(HttpContext))!;
        Errors = Screener.Validate(Name, BirthDate, Nationality, Type);
        if (!await ScreeningModule.AnyListAsync(db))
        {
            Errors["lists"] = [ScreeningModule.NoListMessage];
            Response.StatusCode = StatusCodes.Status409Conflict;
        }
        if (Errors.Count == 0)
        {
            var (marking, _) = await markings.ResolveAsync(null, Tlp.AmberStrict);
            Result = await screener.ScreenAsync(new ScreeningQueryDto(Name!.Trim(), BirthDate, Nationality, Type), ScreeningIndex.DefaultThreshold, 10, marking!, caller);
        }
        await LoadAsync();
    }

    public async Task OnPostBatchAsync()
    {
        var caller = (await Caller.ForRequestAsync(HttpContext))!;
        if (!await ScreeningModule.AnyListAsync(db))
        {
            Errors["lists"] = [ScreeningModule.NoListMessage];
            Response.StatusCode = StatusCodes.Status409Conflict;
            await LoadAsync();
            return;
        }
        var (form, error) = await MultipartForms.ReadAsync(HttpContext, ScreeningModule.MaxBatchUploadBytes, HttpContext.RequestAborted);
        if (form?.Files.GetFile("file") is { } file)
        {
            await using var stream = file.OpenReadStream();
            var (rows, errors) = Screener.ReadBatch(stream);
            Errors = errors;
            if (errors.Count == 0)
            {
                var (marking, _) = await markings.ResolveAsync(null, Tlp.AmberStrict);
                Batch = await screener.ScreenBatchAsync(Path.GetFileName(file.FileName), rows, ScreeningIndex.DefaultThreshold, marking!, caller);
            }
        }
        else
        {
            Errors["file"] = [error ?? "Choose a CSV file."];
        }
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostImportAsync(string source)
    {
        var caller = (await Caller.ForRequestAsync(HttpContext))!;
        if (!ScreeningModule.MayImport(caller))
        {
            return Forbid();
        }
        var (form, error) = await MultipartForms.ReadAsync(HttpContext, ScreeningModule.MaxListUploadBytes, HttpContext.RequestAborted);
        try
        {
            ImportOutcome? outcome = null;
            if (source == "un" && form?.Files.GetFile("file") is { } xml)
            {
                await using var s = xml.OpenReadStream();
                outcome = await importer.ImportUnAsync(s, xml.FileName, caller.UserName);
            }
            else if (source == "ofac" && form?.Files.GetFile("sdn") is { } sdn && form.Files.GetFile("alt") is { } alt && form.Files.GetFile("add") is { } add)
            {
                await using var s1 = sdn.OpenReadStream();
                await using var s2 = alt.OpenReadStream();
                await using var s3 = add.OpenReadStream();
                outcome = await importer.ImportOfacAsync(s1, s2, s3, $"{sdn.FileName}, {alt.FileName}, {add.FileName}", caller.UserName);
            }
            if (outcome is null)
            {
                Errors["import"] = [error ?? "Choose the list file(s)."];
            }
            else
            {
                Notice = outcome.Unchanged
                    ? $"{outcome.Source}: identical to version {outcome.Number}, nothing imported."
                    : $"{outcome.Source} version {outcome.Number}: {outcome.EntryCount} entries, {outcome.Added} added, {outcome.Removed} removed, {outcome.Changed} changed.";
            }
        }
        catch (Lists.ListFormatException e)
        {
            Errors["import"] = [e.Message + " The current version is unchanged."];
        }
        await LoadAsync();
        return Page();
    }

    /// <summary>The list versions a result was screened against ("UN:id"), described by number and dates.</summary>
    public List<(ListVersionDto? Version, string Raw)> Used(IReadOnlyList<string> listVersions)
        => [.. listVersions.Select(v => (Versions.FirstOrDefault(d => v.EndsWith(":" + d.Id, StringComparison.OrdinalIgnoreCase)), v))];

    /// <summary>The list version id of a source in a result, for the link to a listed entry as it was then.</summary>
    public static string? VersionOf(IReadOnlyList<string> listVersions, Lists.ListSource source)
        => listVersions.Select(v => v.Split(':', 2)).FirstOrDefault(p => p.Length == 2 && p[0] == source.ToString())?[1];

    /// <summary>The listed entry's page, as the given list version has it (the current one when null).</summary>
    public static string EntryLink(Lists.ListSource source, string sourceId, string? versionId)
        => $"/Screening/Entry?source={source}&id={Uri.EscapeDataString(sourceId)}" + (versionId is null ? "" : "&version=" + Uri.EscapeDataString(versionId));

    private async Task LoadAsync()
    {
        var caller = (await Caller.ForRequestAsync(HttpContext))!;
        MayImport = ScreeningModule.MayImport(caller);
        Versions = await ScreeningModule.VersionsAsync(db);
        Recent = await ScreeningModule.RecentAsync(db, caller, 10);
    }
}
