using System.Linq.Expressions;
using Jsms.Platform.Access;
using Jsms.Platform.Audit;
using Jsms.Platform.Database;
using Jsms.Platform.Partners;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Alerts;

internal static class AlertsModule
{
    public static IServiceCollection AddAlerts(this IServiceCollection services) => services.AddSingleton<AlertBroadcaster>();

    public static IEndpointRouteBuilder MapAlerts(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/alerts", "Alerts");
        group.MapGet("", List);
        group.MapGet("/stream", AlertBroadcaster.Stream);
        group.MapGet("/{id:guid}", Get);
        // A viewer is refused (403) before the body is read; a writer of another agency gets 403 or 404 from the handlers.
        var acts = group.MapWritesGroup();
        acts.MapPost("/{id:guid}/acknowledge", Acknowledge);
        acts.MapPost("/{id:guid}/resolve", Resolve);
        group.MapAlertTriage();
        return app;
    }

    /// <summary>Alerts the caller may see, open and newest first.</summary>
    public static async Task<Ok<List<AlertDto>>> List([AsParameters] AlertQuery query, Caller caller, JsmsDbContext db)
        => TypedResults.Ok(await ListAsync(db, caller, query));

    internal static async Task<List<AlertDto>> ListAsync(JsmsDbContext db, Caller caller, AlertQuery query)
    {
        var alerts = db.Readable<Alert>(caller).AsNoTracking();
        if (query.Status is { } status)
        {
            alerts = alerts.Where(a => a.Status == status);
        }
        if (query.MinSeverity is { } min)
        {
            var levels = Enum.GetValues<AlertSeverity>().Where(s => s >= min).ToList();
            alerts = alerts.Where(a => levels.Contains(a.Severity));
        }
        if (!string.IsNullOrWhiteSpace(query.Kind))
        {
            alerts = alerts.Where(a => a.Kind == query.Kind);
        }
        return await ForReaderAsync(db, caller, alerts.OrderBy(a => a.Status).ThenByDescending(a => a.RaisedAt).Take(Math.Clamp(query.Limit ?? 100, 1, 1000)),
            CancellationToken.None);
    }

    /// <summary>
    /// The alerts of a query the caller may read (it starts from <see cref="AccessPolicy.Readable{T}"/>), each in the form
    /// this caller may receive (<see cref="AlertRedaction"/>).
    /// </summary>
    private static async Task<List<AlertDto>> ForReaderAsync(JsmsDbContext db, Caller caller, IQueryable<Alert> readable, CancellationToken cancellationToken)
        => await AlertRedaction.ForReaderAsync(db, caller, await readable.Select(ToDto(db)).ToListAsync(cancellationToken), cancellationToken);

    /// <summary>
    /// The alerts stored after <paramref name="after"/> (by <see cref="Alert.Sequence"/>), whoever may read them, in full: only
    /// for the alert stream's shared read, which filters and redacts them per subscriber (<see cref="ReadableAmongAsync"/>).
    /// </summary>
    internal static Task<List<AlertDto>> StoredAfterAsync(JsmsDbContext db, long after, int take, CancellationToken cancellationToken)
        => db.Set<Alert>().AsNoTracking().Where(a => a.Sequence > after).OrderBy(a => a.Sequence).Take(take).Select(ToDto(db)).ToListAsync(cancellationToken);

    /// <summary>The alerts the caller may read stored after <paramref name="after"/> up to <paramref name="upTo"/>, in stored order.</summary>
    internal static Task<List<AlertDto>> ReadableBetweenAsync(JsmsDbContext db, Caller caller, long after, long upTo, int take, CancellationToken cancellationToken)
        => ForReaderAsync(db, caller, db.Readable<Alert>(caller).AsNoTracking().Where(a => a.Sequence > after && a.Sequence <= upTo).OrderBy(a => a.Sequence).Take(take),
            cancellationToken);

    /// <summary>Of alerts read by the system (<see cref="StoredAfterAsync"/>), those the caller may read, in the form it may receive, in the same order.</summary>
    internal static async Task<List<AlertDto>> ReadableAmongAsync(JsmsDbContext db, Caller caller, IReadOnlyList<AlertDto> alerts, CancellationToken cancellationToken)
    {
        var ids = alerts.Select(a => a.Id).ToList();
        var readable = (await db.Readable<Alert>(caller).Where(a => ids.Contains(a.Id)).Select(a => a.Id).ToListAsync(cancellationToken)).ToHashSet();
        return await AlertRedaction.ForReaderAsync(db, caller, [.. alerts.Where(a => readable.Contains(a.Id))], cancellationToken);
    }

    /// <summary>One alert; reading an AMBER+STRICT or RED alert is audited (by <see cref="AuditedReads"/>, as every read).</summary>
    public static async Task<Results<Ok<AlertDto>, NotFound>> Get(Guid id, Caller caller, JsmsDbContext db)
    {
        var dto = (await ForReaderAsync(db, caller, db.Readable<Alert>(caller).AsNoTracking().Where(a => a.Id == id), CancellationToken.None)).FirstOrDefault();
        if (dto is null)
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok(dto);
    }

    /// <summary>Acknowledging takes the alert: only its owner agency's writers may (<see cref="AccessPolicy.MayAct"/>).</summary>
    public static async Task<Results<Ok<AlertDto>, NotFound, ProblemHttpResult>> Acknowledge(Guid id, Caller caller, JsmsDbContext db, TimeProvider clock)
        => Answer(await AcknowledgeAsync(db, caller, clock, id));

    public static async Task<Results<Ok<AlertDto>, NotFound, ProblemHttpResult>> Resolve(Guid id, ResolveAlertRequest request, Caller caller, JsmsDbContext db,
        TimeProvider clock)
        => Answer(await ResolveAsync(db, caller, clock, id, request.Note));

    private static Results<Ok<AlertDto>, NotFound, ProblemHttpResult> Answer(AlertActionResult result) => result switch
    {
        { Alert: { } alert } => TypedResults.Ok(alert),
        { Forbidden: true } => TypedResults.Problem(
            "Only members of the alert's owner agency with a writing role acknowledge, assign or resolve it.",
            statusCode: StatusCodes.Status403Forbidden, title: "Not yours to act on"),
        _ => TypedResults.NotFound(),
    };

    // Shared by the endpoints above and the Alerts page. Who may act is the access policy's rule (AccessPolicy.MayAct): an alert
    // the caller may not read is not found; one it reads but may not act on is forbidden.

    internal static async Task<AlertActionResult> AcknowledgeAsync(JsmsDbContext db, Caller caller, TimeProvider clock, Guid id)
    {
        var alert = await db.Readable<Alert>(caller).FirstOrDefaultAsync(a => a.Id == id);
        if (alert is null || !caller.MayAct(alert))
        {
            return new AlertActionResult(null, alert is not null);
        }
        if (alert.Status == AlertStatus.Open)
        {
            alert.Status = AlertStatus.Acknowledged;
            alert.AcknowledgedAt = clock.GetUtcNow().UtcDateTime;
            alert.AcknowledgedByUserId = caller.UserId;
            AlertTriage.Record(db, alert, caller, "acknowledge", nameof(AlertStatus.Open), nameof(AlertStatus.Acknowledged), alert.AcknowledgedAt.Value);
            if (alert.AssignedToUserId is null)
            {
                alert.AssignedToUserId = caller.UserId;
                AlertTriage.Record(db, alert, caller, "assign", null, caller.UserName, alert.AcknowledgedAt.Value);
            }
            await db.SaveChangesAsync();
        }
        return new AlertActionResult(await DtoAsync(db, caller, id), false);
    }

    internal static async Task<AlertActionResult> ResolveAsync(JsmsDbContext db, Caller caller, TimeProvider clock, Guid id, string? note)
    {
        var alert = await db.Readable<Alert>(caller).FirstOrDefaultAsync(a => a.Id == id);
        if (alert is null || !caller.MayAct(alert))
        {
            return new AlertActionResult(null, alert is not null);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        AlertTriage.Record(db, alert, caller, "resolve", alert.Status.ToString(), nameof(AlertStatus.Resolved), now);
        alert.AcknowledgedAt ??= now;
        alert.AcknowledgedByUserId ??= caller.UserId;
        alert.Status = AlertStatus.Resolved;
        alert.ResolvedAt = now;
        alert.ResolutionNote = note?.Trim();
        await db.SaveChangesAsync();
        return new AlertActionResult(await DtoAsync(db, caller, id), false);
    }

    /// <summary>The ids among these alerts the caller may act on (for the page's buttons).</summary>
    internal static async Task<HashSet<Guid>> ActionableAsync(JsmsDbContext db, Caller caller, IReadOnlyCollection<Guid> ids)
        => [.. await db.Writable<Alert>(caller).Where(a => ids.Contains(a.Id)).Select(a => a.Id).ToListAsync()];

    private static async Task<AlertDto> DtoAsync(JsmsDbContext db, Caller caller, Guid id)
        => (await ForReaderAsync(db, caller, db.Set<Alert>().AsNoTracking().Where(a => a.Id == id), CancellationToken.None)).First();

    /// <summary>One alert as the caller may read it (redacted where the policy says so), or null when it may not read it.</summary>
    internal static async Task<AlertDto?> ReadOneAsync(JsmsDbContext db, Caller caller, Guid id)
        => (await ForReaderAsync(db, caller, db.Readable<Alert>(caller).AsNoTracking().Where(a => a.Id == id), CancellationToken.None)).FirstOrDefault();

    /// <summary>The alert as clients read it, with its owner agency's code (the agency it belongs to: its site's, or its movement's).</summary>
    private static Expression<Func<Alert, AlertDto>> ToDto(JsmsDbContext db)
    {
        var agencies = db.Set<Agency>();
        return a => new AlertDto(
            a.Id, a.Kind, a.Severity, a.Title, a.Detail, a.SubjectType, a.SubjectId, a.RaisedAt, a.Status,
            a.AssignedToUserId, a.AcknowledgedAt, a.ResolvedAt, a.ResolutionNote,
            a.Tlp == Tlp.Clear ? "CLEAR" : a.Tlp == Tlp.Green ? "GREEN" : a.Tlp == Tlp.Amber ? "AMBER" : a.Tlp == Tlp.AmberStrict ? "AMBER+STRICT" : "RED",
            a.SubjectLabel, a.SiteId, a.Latitude, a.Longitude, ParseEvidence(a.Evidence), a.Sequence,
            agencies.Where(g => g.Id == a.OwnerAgencyId).Select(g => g.Code).FirstOrDefault());
    }

    private static System.Text.Json.JsonElement? ParseEvidence(string? evidence)
        => evidence is null ? null : System.Text.Json.JsonDocument.Parse(evidence).RootElement.Clone();
}
