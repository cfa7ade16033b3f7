using System.Text.Json;
using Jsms.Features.Consultations;
using Jsms.Platform.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Jsms.Features;

/// <summary>The home dashboard: overdue commitments first, progress by dialogue and sector, urgent messages waiting for the caller's agency.</summary>
internal sealed class IndexModel(CommitmentsService commitments, UrgentChannel channel, IStringLocalizer<SharedResource> text) : PageModel
{
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
