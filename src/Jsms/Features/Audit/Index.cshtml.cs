using Jsms.Platform.Access;
using Jsms.Platform.Audit;
using Jsms.Platform.Database;
using Jsms.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jsms.Features.Audit;

/// <summary>
/// Administrators search the audit log (newest first, paged by sequence) by user, action, record type, record and
/// period, see records and agencies by name where they may read them (<see cref="AuditNames"/>), export what they
/// found as CSV (itself audited), and verify the hash chain.
/// </summary>
[Authorize(Roles = JsmsRoles.Administrator)]
internal sealed class AuditIndexModel(JsmsDbContext db, IStringLocalizer<SharedResource> text) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "user")] public string? UserName { get; set; }
    [BindProperty(SupportsGet = true)] public string? RecordId { get; set; }
    [BindProperty(SupportsGet = true, Name = "action")] public string? ActionName { get; set; }
    [BindProperty(SupportsGet = true)] public string? RecordType { get; set; }
    /// <summary>UTC, from a datetime-local input.</summary>
    [BindProperty(SupportsGet = true)] public DateTime? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateTime? To { get; set; }
    [BindProperty(SupportsGet = true)] public long? Before { get; set; }

    public List<AuditEntryDto> Entries { get; private set; } = [];
    public Dictionary<string, string> Errors { get; } = [];
    public AuditVerification? Verification { get; private set; }
    public Dictionary<(string Type, Guid Id), AuditRecordName> RecordNames { get; private set; } = [];
    public Dictionary<Guid, (string Code, string Name)> Agencies { get; private set; } = [];
    public List<string> Actions { get; private set; } = [];
    public List<string> RecordTypes { get; private set; } = [];

    /// <summary>The <c>before</c> of the next (older) page, when there may be one.</summary>
    public long? OlderBefore => Entries.Count == PageSize ? Entries[^1].Sequence : null;

    public async Task OnGetAsync() => await SearchAsync();

    /// <summary>The entries this search finds, every page of them, as CSV; the export is audited before it is written.</summary>
    public async Task<IActionResult> OnGetCsvAsync()
    {
        if (await Caller.ForRequestAsync(HttpContext) is not { } caller)
        {
            return Challenge();
        }
        if (Query() is not { } query)
        {
            await SearchAsync();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        db.Audit("export", "AuditEntry", detail: AuditCsv.Describe(query));
        await db.SaveChangesAsync();
        var last = await db.Set<AuditEntry>().MaxAsync(e => e.Sequence);
        Response.ContentType = AuditCsv.ContentType;
        Response.Headers.ContentDisposition = $"attachment; filename=\"jsms-audit-{last}.csv\"";
        await AuditCsv.WriteAsync(db, caller, query with { Before = null, Limit = null }, Response.Body, HttpContext.RequestAborted);
        return new EmptyResult();
    }

    public async Task<IActionResult> OnPostVerifyAsync()
    {
        Verification = await AuditModule.VerifyAndRecordAsync(db);
        await SearchAsync();
        return Page();
    }

    /// <summary>The query string of this search with a different <c>before</c>.</summary>
    public Dictionary<string, string> RouteWith(long? before)
    {
        var route = new Dictionary<string, string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                route[key] = value;
            }
        }
        Add("user", UserName);
        Add("recordId", RecordId);
        Add("action", ActionName);
        Add("recordType", RecordType);
        Add("from", From?.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        Add("before", before?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return route;
    }

    private async Task SearchAsync()
    {
        (Actions, RecordTypes) = await AuditModule.FilterChoicesAsync(db);
        if (Query() is not { } query)
        {
            return;
        }
        Entries = await AuditModule.SearchAsync(db, query);
        if (await Caller.ForRequestAsync(HttpContext) is { } viewer)
        {
            RecordNames = await AuditNames.RecordsAsync(db, viewer, Entries, HttpContext.RequestAborted);
        }
        Agencies = await AuditNames.AgenciesAsync(db, Entries, HttpContext.RequestAborted);
    }

    /// <summary>The search the filters describe, or null with <see cref="Errors"/> naming each bad filter.</summary>
    private AuditQuery? Query()
    {
        Guid? recordId = null;
        if (!string.IsNullOrWhiteSpace(RecordId))
        {
            if (Guid.TryParse(RecordId.Trim(), out var parsed))
            {
                recordId = parsed;
            }
            else
            {
                Errors["recordId"] = text["Audit.BadRecordId"].Value;
            }
        }
        foreach (var field in new[] { nameof(From), nameof(To) })
        {
            if (ModelState.TryGetValue(field, out var state) && state.Errors.Count > 0)
            {
                Errors[field.ToLowerInvariant()] = text["Audit.BadTime"].Value;
            }
        }
        return Errors.Count > 0 ? null : new AuditQuery(UserName, recordId, ActionName, Utc(From), Utc(To), Before, PageSize, RecordType);
    }

    private static DateTime? Utc(DateTime? time) => time is { } t ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : null;
}
