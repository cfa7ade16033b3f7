using Jsms.Features.Screening.Lists;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Screening;

/// <summary>
/// /Screening/Entry?source=UN&amp;id=...[&amp;version=...]: a listed entry as a list version has it (the current version of
/// the source when none is named): all its names, identifiers, dates, nationalities, addresses and the listing reason.
/// Lists are public sources, so every signed-in user may read them; an unknown entry or version answers 404.
/// </summary>
internal sealed class EntryModel(JsmsDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Source { get; set; }
    [BindProperty(SupportsGet = true, Name = "id")] public string? SourceId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Version { get; set; }

    public ListedEntry Entry { get; private set; } = null!;
    public ListVersionDto ListVersion { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await Caller.ForRequestAsync(HttpContext) is null)
        {
            return Challenge();
        }
        if (!Enum.TryParse<ListSource>(Source, ignoreCase: true, out var source) || !Enum.IsDefined(source) || string.IsNullOrWhiteSpace(SourceId))
        {
            return NotFound();
        }
        var versions = await ScreeningModule.VersionsAsync(db);
        // The version asked for, else the current version of each list of the source (several national lists: the entry's own).
        var candidates = Version is { } id ? versions.Where(v => v.Id == id && v.Source == source).ToList() : [];
        candidates.AddRange(versions.Where(v => v.Source == source && v.Current && v.Id != Version));
        var sourceId = SourceId.Trim();
        ListVersionDto? version = null;
        string? data = null;
        foreach (var candidate in candidates)
        {
            data = await db.Set<ScreeningListEntry>().AsNoTracking().Where(e => e.VersionId == candidate.Id && e.SourceId == sourceId)
                .Select(e => e.Data).FirstOrDefaultAsync();
            if (data is not null)
            {
                version = candidate;
                break;
            }
        }
        if (version is null || data is null)
        {
            return NotFound();
        }
        Entry = ListedEntry.FromJson(data);
        ListVersion = version;
        return Page();
    }
}
