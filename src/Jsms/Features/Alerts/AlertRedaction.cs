using Jsms.Platform.Access;
using Jsms.Platform.Database;

namespace Jsms.Features.Alerts;

/// <summary>
/// The one place an alert is shaped for its reader (API, stream, page): in full when the reader may read every input it was
/// derived from, otherwise in its redacted form (docs/access-policy.md, "Derived records"): what happened, when, where it
/// belongs and its state, but no title or detail naming the subject, no label, position or evidence, and no link to an
/// input the reader may not read.
/// </summary>
internal static class AlertRedaction
{
    /// <summary>The alerts (already known readable by <paramref name="caller"/>) as that caller may receive them, in the same order.</summary>
    public static async Task<List<AlertDto>> ForReaderAsync(JsmsDbContext db, Caller caller, IReadOnlyList<AlertDto> alerts, CancellationToken cancellationToken)
    {
        var hidden = await db.UnreadableInputsAsync(caller, [.. alerts.Select(a => a.Id)], cancellationToken);
        return [.. alerts.Select(a => hidden.Contains(a.Id) ? Redact(a, hidden[a.Id].ToHashSet()) : a)];
    }

    public static AlertDto Redact(AlertDto alert, IReadOnlySet<Guid> hiddenInputs) => alert with
    {
        Title = RedactedTitle(alert.Kind),
        Detail = null,
        SubjectLabel = null,
        SubjectId = alert.SubjectId is { } subject && hiddenInputs.Contains(subject) ? null : alert.SubjectId,
        SiteId = alert.SiteId is { } site && hiddenInputs.Contains(site) ? null : alert.SiteId,
        Latitude = null,
        Longitude = null,
        Evidence = null,
        Redacted = true,
    };

    /// <summary>What the alert says without naming anything its reader may not read.</summary>
    public static string RedactedTitle(string kind) => kind switch
    {
        "site.enter" => "A subject not released to you entered a watch zone",
        "site.leave" => "A subject not released to you left a watch zone",
        "loitering" => "A subject not released to you is loitering in a watch zone",
        "route.deviation" => "A tracker not released to you left its movement's route",
        "route.rejoined" => "A tracker not released to you is back on its movement's route",
        "escort.separated" => "A vehicle not released to you is separated from its escort",
        "checkpoint.missed" => "A tracker not released to you missed a checkpoint",
        "tracker.silent" => "A tracker not released to you is silent",
        "movement.overdue" => "A movement not released to you is overdue",
        "rfi.overdue" => "A request for information not released to you is overdue",
        "urgent-message.overdue" => "An urgent message not released to you was not acknowledged",
        AlertTriage.EscalatedKind => "An alert about records not released to you was escalated",
        _ => "An alert about records not released to you",
    };
}
