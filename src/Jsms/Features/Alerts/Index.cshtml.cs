using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Jsms.Features.Alerts;

/// <summary>Alerts the caller may see (redacted where the policy says so), with acknowledge and resolve where the caller may act (same logic as the API).</summary>
internal sealed class AlertsIndexModel(JsmsDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty(SupportsGet = true)] public AlertStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public AlertSeverity? MinSeverity { get; set; }

    public List<AlertDto> Alerts { get; private set; } = [];

    /// <summary>The alerts the caller may acknowledge and resolve (its agency's, with a writing role: AccessPolicy.MayAct).</summary>
    public IReadOnlySet<Guid> Actionable { get; private set; } = new HashSet<Guid>();

    [TempData] public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await Caller.ForRequestAsync(HttpContext) is not { } caller)
        {
            return Challenge();
        }
        Alerts = await AlertsModule.ListAsync(db, caller, new AlertQuery(Status, MinSeverity, null, 200));
        Actionable = await AlertsModule.ActionableAsync(db, caller, [.. Alerts.Select(a => a.Id)]);
        return Page();
    }

    public async Task<IActionResult> OnPostAcknowledgeAsync(Guid id)
    {
        if (await Caller.ForRequestAsync(HttpContext) is not { } caller)
        {
            return Challenge();
        }
        var result = await AlertsModule.AcknowledgeAsync(db, caller, clock, id);
        if (result.Alert is not { } alert)
        {
            return result.Forbidden ? Forbid() : NotFound();
        }
        Notice = text["Alerts.AcknowledgedNotice", alert.Title].Value;
        return RedirectToPage(new { Status, MinSeverity });
    }

    public async Task<IActionResult> OnPostResolveAsync(Guid id, string? note)
    {
        if (await Caller.ForRequestAsync(HttpContext) is not { } caller)
        {
            return Challenge();
        }
        var result = await AlertsModule.ResolveAsync(db, caller, clock, id, note);
        if (result.Alert is not { } alert)
        {
            return result.Forbidden ? Forbid() : NotFound();
        }
        Notice = text["Alerts.ResolvedNotice", alert.Title].Value;
        return RedirectToPage(new { Status, MinSeverity });
    }

    public static string SeverityClass(AlertSeverity severity) => severity switch
    {
        AlertSeverity.Critical or AlertSeverity.High => "danger",
        AlertSeverity.Medium => "warn",
        _ => "",
    };
}
