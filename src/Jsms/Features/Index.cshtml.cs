using System.Text.Json;
using Jsms.Features.Consultations;
using Jsms.Features.Tracking;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Jsms.Features;

/// <summary>
/// The home dashboard: the operating picture (open alerts by severity, movements of the day, silent trackers, new
/// intelligence), urgent messages waiting for the caller's agency, overdue commitments, progress by dialogue and sector.
/// </summary>
internal sealed class IndexModel(CommitmentsService commitments, UrgentChannel channel, JsmsDbContext db, TimeProvider clock,
    IOptions<TrackingOptions> tracking, IStringLocalizer<SharedResource> text) : PageModel
{
    public OperationsDashboard Operations { get; private set; } = null!;

    public DashboardDto Dashboard { get; private set; } = null!;

    public IReadOnlyList<UrgentSummary> PendingUrgent { get; private set; } = [];

    /// <summary>Data of the progress chart (commitments per dialogue by status), read by wwwroot/js/consultations.js.</summary>
    public string ChartJson { get; private set; } = "{}";

    public async Task<IActionResult> OnGetAsync()
    {
        if (await Caller.ForRequestAsync(HttpContext) is not { } caller)
        {
            return Challenge();
        }
        Operations = await OperationsDashboard.LoadAsync(db, caller, clock.GetUtcNow().UtcDateTime, tracking.Value.SilentTrackerMinutes);
        Dashboard = await commitments.DashboardAsync(caller);
        PendingUrgent = await channel.PendingInboxAsync(caller);
        ChartJson = JsonSerializer.Serialize(new
        {
            labels = Dashboard.ByDialogue.Select(g => g.Label).ToList(),
            series = Enum.GetValues<CommitmentStatus>().Select(s => new
            {
                status = s.ToString(),
                label = text["Consultations.Status." + s].Value,
                data = Dashboard.ByDialogue.Select(g => g.ByStatus.GetValueOrDefault(s)).ToList(),
            }).ToList(),
        });
        return Page();
    }
}
