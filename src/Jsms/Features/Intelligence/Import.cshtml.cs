using System.Text.Json;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Jsms.Features.Intelligence;

/// <summary>
/// /Intelligence/Import: upload a STIX bundle (multipart) into a chosen collection with the marking for objects that
/// carry none, and show the accepted/refused report. The same importer as the API; writing roles only.
/// </summary>
[RequestSizeLimit(PageLimitBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = PageLimitBytes)]
internal sealed class IntelligenceImportModel(JsmsDbContext db, StixImporter importer, ReleaseMarkings markings,
    IOptions<IntelligenceOptions> options, IStringLocalizer<SharedResource> text) : PageModel
{
    /// <summary>The hard cap of the upload request; the configured <see cref="IntelligenceOptions.MaxImportBytes"/> applies within it.</summary>
    public const long PageLimitBytes = 200L * 1024 * 1024;

    [BindProperty] public Guid? CollectionId { get; set; }
    [BindProperty] public IFormFile? Bundle { get; set; }
    [BindProperty] public MarkingForm Marking { get; set; } = new();

    public List<CollectionDto> Collections { get; private set; } = [];
    public ImportReport? Report { get; private set; }

    /// <summary>The accepted objects' names and types, resolved in one query over what the caller may read.</summary>
    public Dictionary<string, (string Type, string? Name)> Names { get; private set; } = [];

    /// <summary>Accepted objects per STIX type, most first.</summary>
    public List<(string Type, int Count)> TypeCounts { get; private set; } = [];
    public Dictionary<string, string[]> Errors { get; } = [];
    public bool CanWrite { get; private set; }
    public long MaxBytes => Math.Min(options.Value.MaxImportBytes, PageLimitBytes);

    public async Task<IActionResult> OnGetAsync([FromServices] StixCollections collections)
    {
        if (await Caller.ForRequestAsync(HttpContext) is not { } caller)
        {
            return Challenge();
        }
        CanWrite = caller.CanWrite;
        Collections = await collections.ListAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromServices] StixCollections collections)
    {
        if (await Caller.ForRequestAsync(HttpContext) is not { } caller)
        {
            return Challenge();
        }
        if (!caller.CanWrite)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        CanWrite = true;
        Collections = await collections.ListAsync();
        var collection = CollectionId is { } id ? await db.Set<StixCollection>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id) : null;
        if (collection is null)
        {
            Errors["CollectionId"] = [text["Intelligence.ChooseCollection"]];
        }
        if (Bundle is null || Bundle.Length == 0)
        {
            Errors["Bundle"] = [text["Intelligence.ChooseFile"]];
        }
        else if (Bundle.Length > MaxBytes)
        {
            Errors["Bundle"] = [text["Intelligence.FileTooLarge", MaxBytes / 1024]];
        }
        var (_, markingErrors) = await markings.ResolveAsync(Marking.ToInput());
        foreach (var (key, value) in markingErrors)
        {
            Errors[key] = value;
        }
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        try
        {
            await using var stream = Bundle!.OpenReadStream();
            Report = await importer.ImportAsync(caller, collection!, stream, Marking.ToInput(), HttpContext.RequestAborted);
            var ids = Report.Successes.Select(o => o.Id).Distinct(StringComparer.Ordinal).ToList();
            TypeCounts = [.. ids.GroupBy(StixRefs.TypeOf).Select(g => (g.Key, g.Count())).OrderByDescending(g => g.Item2).ThenBy(g => g.Key, StringComparer.Ordinal)];
            Names = await StixBrowse.VisibleAsync(db, caller, ids);
        }
        catch (JsonException e)
        {
            Errors["Bundle"] = [text["Intelligence.NotABundle", e.Message]];
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }
}
