using Jsms.Platform.Access;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Jsms.Features.Incidents;

/// <summary>
/// One incident: its facts, casualties by class, sources side by side (their figures flagged when they differ), links and
/// versions; its owner's writers may edit, delete, or merge a second report of the same attack into it.
/// </summary>
internal sealed class IncidentModel(IncidentsService incidents) : JsmsPage
{
    [FromRoute] public Guid Id { get; set; }

    [BindProperty] public Guid? OtherId { get; set; }

    /// <summary>Held here so showing it is audited like any read.</summary>
    public IncidentDetailDto Incident { get; private set; } = null!;

    public IncidentHistoryDto History { get; private set; } = null!;

    public bool Editable { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadCallerAsync())
        {
            return Challenge();
        }
        return await ShowAsync() ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostMergeAsync()
    {
        if (await RefuseUnlessWriterAsync(hideAsNotFound: true) is { } refused)
        {
            return refused;
        }
        Outcome<IncidentDetailDto> outcome;
        try
        {
            outcome = await incidents.MergeAsync(Me, Id, new MergeRequest(OtherId, null));
        }
        catch (UnreadableReferenceException unreadable)
        {
            return await ShowAsync() ? Failed("merge", unreadable.Errors()) : NotFound();
        }
        if (outcome.Value is not null)
        {
            Notice = "Merged: the other report's sources and figures are now part of this incident.";
            return Redirect($"/Incidents/Incident/{Id}");
        }
        if (outcome.IsNotFound || !await ShowAsync())
        {
            return NotFound();
        }
        return Failed("merge", outcome.Errors ?? new() { ["otherId"] = [outcome.Conflict!] });
    }

    private async Task<bool> ShowAsync()
    {
        if (await incidents.GetAsync(Me, Id) is not { } incident || await incidents.VersionsAsync(Me, Id) is not { } history)
        {
            return false;
        }
        Incident = incident;
        History = history;
        Editable = incident.DeletedAt is null && CanChange(incident.Marking);
        return true;
    }

    public static string Range(int? low, int best, int? high)
        => low is null && high is null ? best.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{best} ({low?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}–{high?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"})";

    public static string YesNo(bool? value) => value switch { true => "yes", false => "no", _ => "unknown" };
}
