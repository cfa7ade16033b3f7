using Jsms.Features.Protection;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jsms.Features.Alerts;

/// <summary>
/// One alert to work: its facts as the caller may read them (AlertRedaction), evidence listed and drawn on a map, site and
/// subject linked when readable, assignee, comments (owner agency, full readers), history, and the actions of the owner
/// agency's writers through the same logic as the API. Not readable: 404.
/// </summary>
internal sealed class AlertDetailModel(JsmsDbContext db, TimeProvider clock, AlertBroadcaster broadcaster, IStringLocalizer<SharedResource> text) : JsmsPage
{
    public AlertDto Alert { get; private set; } = null!;
    public bool MayAct { get; private set; }
    public bool MayReadComments { get; private set; }
    public string? Assignee { get; private set; }
    public string? SiteName { get; private set; }
    public string? SubjectLink { get; private set; }
    public List<AlertCommentDto> Comments { get; private set; } = [];
    public List<AlertEventDto> History { get; private set; } = [];
    /// <summary>The owner agency's enabled users, for the assign picker (only when the caller may act).</summary>
    public List<(Guid Id, string Name)> Assignable { get; private set; } = [];
    /// <summary>The evidence as items with a position (tracker or sensor observations), for the list and the map.</summary>
    public List<EvidencePoint> Evidence { get; private set; } = [];

    internal sealed record EvidencePoint(string Source, string Via, DateTime? Time, double Latitude, double Longitude);

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadCallerAsync())
        {
            return Challenge();
        }
        return await LoadAsync(id) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var alert = await db.Readable<Alert>(Me).AsNoTracking().FirstOrDefaultAsync(a => a.Id == id);
        if (alert is null || await AlertsModule.ReadOneAsync(db, Me, id) is not { } dto)
        {
            return false;
        }
        Alert = dto;
        MayAct = Me.MayAct(alert);
        MayReadComments = await AlertTriage.MayReadCommentsAsync(db, Me, alert);
        Assignee = dto.AssignedToUserId is { } assigned
            ? await db.Users.Where(u => u.Id == assigned).Select(u => u.DisplayName + " (" + u.UserName + ")").FirstOrDefaultAsync()
            : null;
        if (dto.SiteId is { } site)
        {
            SiteName = await db.Readable<Site>(Me).Where(s => s.Id == site).Select(s => s.Name).FirstOrDefaultAsync();
        }
        SubjectLink = await SubjectLinkAsync(dto);
        Comments = MayReadComments ? await AlertTriage.CommentsAsync(db, id) : [];
        History = await AlertTriage.HistoryAsync(db, id);
        if (MayAct)
        {
            var owner = alert.OwnerAgencyId;
            Assignable = [.. (await db.Users.AsNoTracking().Where(u => u.AgencyId == owner && !u.IsDisabled).OrderBy(u => u.UserName)
                .Select(u => new { u.Id, Name = u.DisplayName + " (" + u.UserName + ")" }).ToListAsync()).Select(u => (u.Id, u.Name))];
        }
        Evidence = EvidenceOf(dto);
        return true;
    }

    /// <summary>The page of the record the alert is about, when the caller may read it.</summary>
    private async Task<string?> SubjectLinkAsync(AlertDto alert)
    {
        if (alert.SubjectId is not { } subject)
        {
            return null;
        }
        return alert.SubjectType switch
        {
            "movement" when await db.Readable<Movement>(Me).AnyAsync(m => m.Id == subject) => $"/Protection/Movement/{subject}",
            nameof(Alerts.Alert) when await db.Readable<Alert>(Me).AnyAsync(a => a.Id == subject) => $"/Alerts/Detail/{subject}",
            nameof(Consultations.UrgentMessage) when await db.Readable<Consultations.UrgentMessage>(Me).AnyAsync(m => m.Id == subject) => "/Consultations/Urgent",
            nameof(Intelligence.Rfi) when await db.Readable<Intelligence.Rfi>(Me).AnyAsync(r => r.Id == subject) => "/Intelligence/Rfis",
            _ => null,
        };
    }

    /// <summary>Evidence items that carry a position (engines store sightings with source, time, latitude, longitude and channel).</summary>
    private static List<EvidencePoint> EvidenceOf(AlertDto alert)
    {
        var points = new List<EvidencePoint>();
        if (alert.Evidence is not { ValueKind: System.Text.Json.JsonValueKind.Array } items)
        {
            return points;
        }
        foreach (var item in items.EnumerateArray())
        {
            if (item.ValueKind == System.Text.Json.JsonValueKind.Object
                && item.TryGetProperty("latitude", out var lat) && lat.TryGetDouble(out var latitude)
                && item.TryGetProperty("longitude", out var lon) && lon.TryGetDouble(out var longitude))
            {
                var source = item.TryGetProperty("source", out var s) && s.ValueKind == System.Text.Json.JsonValueKind.String ? s.GetString() ?? "" : "";
                var via = item.TryGetProperty("via", out var v) && v.ValueKind == System.Text.Json.JsonValueKind.String ? v.GetString() ?? "" : "";
                DateTime? time = item.TryGetProperty("time", out var t) && t.TryGetDateTime(out var at) ? at.ToUniversalTime() : null;
                points.Add(new EvidencePoint(source, via, time, latitude, longitude));
            }
        }
        return points;
    }

    public string MapJson() => System.Text.Json.JsonSerializer.Serialize(new
    {
        point = Alert.Latitude is { } lat && Alert.Longitude is { } lon ? new[] { lat, lon } : null,
        evidence = Evidence.Select(e => new { lat = e.Latitude, lon = e.Longitude, label = $"{e.Source} {e.Via} {(e.Time is { } t ? Utc(t) : "")}".Trim() }),
    });

    private IActionResult Done(AlertActionResult result, string notice)
    {
        if (result.Alert is null)
        {
            return result.Forbidden ? Forbid() : NotFound();
        }
        Notice = notice;
        return RedirectToPage(new { id = result.Alert.Id });
    }

    public async Task<IActionResult> OnPostAcknowledgeAsync(Guid id)
    {
        if (!await LoadCallerAsync())
        {
            return Challenge();
        }
        var result = await AlertsModule.AcknowledgeAsync(db, Me, clock, id);
        return Done(result, text["Alerts.AcknowledgedNotice", result.Alert?.Title ?? ""].Value);
    }

    public async Task<IActionResult> OnPostResolveAsync(Guid id, string? note)
    {
        if (!await LoadCallerAsync())
        {
            return Challenge();
        }
        var result = await AlertsModule.ResolveAsync(db, Me, clock, id, note);
        return Done(result, text["Alerts.ResolvedNotice", result.Alert?.Title ?? ""].Value);
    }

    public async Task<IActionResult> OnPostAssignAsync(Guid id, Guid? userId)
    {
        if (!await LoadCallerAsync())
        {
            return Challenge();
        }
        var (result, errors) = await AlertTriage.AssignAsync(db, Me, clock, id, userId);
        if (errors is not null)
        {
            return await Failed(id, "assign", errors, StatusCodes.Status400BadRequest);
        }
        return Done(result, text["Alerts.AssignedNotice"].Value);
    }

    public async Task<IActionResult> OnPostCommentAsync(Guid id, string? comment)
    {
        if (!await LoadCallerAsync())
        {
            return Challenge();
        }
        var (added, forbidden, errors) = await AlertTriage.CommentAsync(db, Me, clock, id, comment);
        if (errors is not null)
        {
            return await Failed(id, "comment", errors, StatusCodes.Status400BadRequest);
        }
        if (added is null)
        {
            return forbidden ? Forbid() : NotFound();
        }
        Notice = text["Alerts.CommentedNotice"].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostEscalateAsync(Guid id)
    {
        if (!await LoadCallerAsync())
        {
            return Challenge();
        }
        var (result, conflict) = await AlertTriage.EscalateAsync(db, Me, clock, broadcaster, id);
        if (conflict is not null)
        {
            return await Failed(id, "escalate", new() { ["severity"] = [conflict] }, StatusCodes.Status409Conflict);
        }
        return Done(result, text["Alerts.EscalatedNotice", result.Alert?.Severity.ToString() ?? ""].Value);
    }

    /// <summary>The page again with the form's errors and the API's status for them, nothing saved.</summary>
    private async Task<IActionResult> Failed(Guid id, string form, Dictionary<string, string[]> errors, int status)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        Errors = errors;
        FailedForm = form;
        Response.StatusCode = status;
        return Page();
    }
}
