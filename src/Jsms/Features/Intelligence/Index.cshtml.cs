using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Intelligence;

/// <summary>/Intelligence: search the STIX objects the caller may read (text, type, TLP, time), results as a table.</summary>
internal sealed class IntelligenceIndexModel(JsmsDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Type { get; set; }
    [BindProperty(SupportsGet = true)] public string? Tlp { get; set; }
    [BindProperty(SupportsGet = true)] public DateTime? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateTime? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true)] public string? After { get; set; }

    /// <summary>The cursor of the next page of results, when there is one.</summary>
    public string? Next { get; private set; }
    public List<(string Id, string Name)> Actors { get; private set; } = [];

    public List<StixObjectSummary> Results { get; private set; } = [];
    public Dictionary<Guid, string> Collections { get; private set; } = [];
    public List<string> Types { get; private set; } = [];
    public bool CanWrite { get; private set; }
    public bool IsAdministrator { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await Caller.ForRequestAsync(HttpContext) is not { } caller)
        {
            return Challenge();
        }
        CanWrite = caller.CanWrite;
        IsAdministrator = caller.IsAdministrator;
        (Results, Next) = await StixBrowse.SearchPageAsync(db, caller, new StixSearch(Q, Type, Tlp,
            From is { } f ? DateTime.SpecifyKind(f, DateTimeKind.Utc) : null, To is { } t ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : null, Actor, After));
        Actors = [.. (await StixBrowse.SearchAsync(db, caller, new StixSearch(null, "threat-actor", null, null, null))).Select(a => (a.Id, a.Name ?? a.Id)).OrderBy(a => a.Item2, StringComparer.CurrentCulture)];
        Collections = await db.Set<StixCollection>().AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Title);
        Types = await db.Readable<StixObjectVersion>(caller).AsNoTracking().Select(o => o.Type).Distinct().OrderBy(t => t).ToListAsync();
        return Page();
    }
}
