using System.Linq.Expressions;
using Jsms.Features.Access;
using Jsms.Features.Partners;
using Jsms.Platform.Database;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Alerts;

public sealed record AlertDto(Guid Id, string Kind, AlertSeverity Severity, string Title, string? Detail, string? SubjectType, Guid? SubjectId,
    DateTime RaisedAt, AlertStatus Status, Guid? AssignedToUserId, DateTime? AcknowledgedAt, DateTime? ResolvedAt, string? ResolutionNote, string Tlp,
    string? SubjectLabel = null, Guid? SiteId = null, double? Latitude = null, double? Longitude = null, System.Text.Json.JsonElement? Evidence = null,
    long Sequence = 0, string? OwnerAgency = null);

public sealed record AlertQuery(AlertStatus? Status, AlertSeverity? MinSeverity, string? Kind, int? Limit);

public sealed record ResolveAlertRequest(string? Note);

public static class AlertsModule
{
    public static IServiceCollection AddAlerts(this IServiceCollection services) => services.AddSingleton<AlertBroadcaster>();

    public static IEndpointRouteBuilder MapAlerts(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/alerts", "Alerts");
        group.MapGet("", List);
        group.MapGet("/stream", AlertBroadcaster.Stream);
        group.MapGet("/{id:guid}", Get);
        group.MapPost("/{id:guid}/acknowledge", Acknowledge);
        group.MapPost("/{id:guid}/resolve", Resolve);
        return app;
    }

    /// <summary>Alerts the caller may see, open and newest first.</summary>
    public static async Task<Ok<List<AlertDto>>> List([AsParameters] AlertQuery query, Caller caller, JsmsDbContext db)
        => TypedResults.Ok(await ListAsync(db, caller, query));

    internal static Task<List<AlertDto>> ListAsync(JsmsDbContext db, Caller caller, AlertQuery query)
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
        return alerts.OrderBy(a => a.Status).ThenByDescending(a => a.RaisedAt).Take(Math.Clamp(query.Limit ?? 100, 1, 1000))
            .Select(ToDto(db)).ToListAsync();
    }

    /// <summary>
    /// The alerts stored after <paramref name="after"/> (by <see cref="Alert.Sequence"/>), whoever may read them: only for the
    /// alert stream's shared read, which filters them by the policy per subscriber.
    /// </summary>
    internal static Task<List<AlertDto>> StoredAfterAsync(JsmsDbContext db, long after, int take, CancellationToken cancellationToken)
        => db.Set<Alert>().AsNoTracking().Where(a => a.Sequence > after).OrderBy(a => a.Sequence).Take(take).Select(ToDto(db)).ToListAsync(cancellationToken);

    /// <summary>The alerts the caller may read stored after <paramref name="after"/> up to <paramref name="upTo"/>, in stored order.</summary>
    internal static Task<List<AlertDto>> ReadableBetweenAsync(JsmsDbContext db, Caller caller, long after, long upTo, int take, CancellationToken cancellationToken)
        => db.Readable<Alert>(caller).AsNoTracking().Where(a => a.Sequence > after && a.Sequence <= upTo).OrderBy(a => a.Sequence).Take(take)
            .Select(ToDto(db)).ToListAsync(cancellationToken);

    /// <summary>One alert; reading an AMBER+STRICT or RED alert is audited.</summary>
    public static async Task<Results<Ok<AlertDto>, NotFound>> Get(Guid id, Caller caller, JsmsDbContext db)
    {
        var dto = await db.Readable<Alert>(caller).AsNoTracking().Where(a => a.Id == id).Select(ToDto(db)).FirstOrDefaultAsync();
        if (dto is null)
        {
            return TypedResults.NotFound();
        }
        if (TlpNames.TryParse(dto.Tlp, out var tlp) && AccessPolicy.IsSensitive(tlp))
        {
            db.Audit("read", nameof(Alert), dto.Id);
            await db.SaveChangesAsync();
        }
        return TypedResults.Ok(dto);
    }

    /// <summary>Any reader of the alert may acknowledge it: whoever is on watch takes it.</summary>
    public static async Task<Results<Ok<AlertDto>, NotFound>> Acknowledge(Guid id, Caller caller, JsmsDbContext db, TimeProvider clock)
        => await AcknowledgeAsync(db, caller, clock, id) is { } dto ? TypedResults.Ok(dto) : TypedResults.NotFound();

    public static async Task<Results<Ok<AlertDto>, NotFound>> Resolve(Guid id, ResolveAlertRequest request, Caller caller, JsmsDbContext db, TimeProvider clock)
        => await ResolveAsync(db, caller, clock, id, request.Note) is { } dto ? TypedResults.Ok(dto) : TypedResults.NotFound();

    // Shared by the endpoints above and the Alerts page: null when the caller cannot see the alert
    // or has no writing role (both answer 404).

    internal static async Task<AlertDto?> AcknowledgeAsync(JsmsDbContext db, Caller caller, TimeProvider clock, Guid id)
    {
        var alert = await db.Readable<Alert>(caller).FirstOrDefaultAsync(a => a.Id == id);
        if (alert is null || !caller.CanWrite)
        {
            return null;
        }
        if (alert.Status == AlertStatus.Open)
        {
            alert.Status = AlertStatus.Acknowledged;
            alert.AcknowledgedAt = clock.GetUtcNow().UtcDateTime;
            alert.AcknowledgedByUserId = caller.UserId;
            alert.AssignedToUserId ??= caller.UserId;
            await db.SaveChangesAsync();
        }
        return await DtoAsync(db, id);
    }

    internal static async Task<AlertDto?> ResolveAsync(JsmsDbContext db, Caller caller, TimeProvider clock, Guid id, string? note)
    {
        var alert = await db.Readable<Alert>(caller).FirstOrDefaultAsync(a => a.Id == id);
        if (alert is null || !caller.CanWrite)
        {
            return null;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        alert.AcknowledgedAt ??= now;
        alert.AcknowledgedByUserId ??= caller.UserId;
        alert.Status = AlertStatus.Resolved;
        alert.ResolvedAt = now;
        alert.ResolutionNote = note?.Trim();
        await db.SaveChangesAsync();
        return await DtoAsync(db, id);
    }

    private static Task<AlertDto> DtoAsync(JsmsDbContext db, Guid id)
        => db.Set<Alert>().AsNoTracking().Where(a => a.Id == id).Select(ToDto(db)).FirstAsync();

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
