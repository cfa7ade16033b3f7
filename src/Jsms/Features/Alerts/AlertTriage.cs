using Jsms.Features.Consultations;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Identity;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Alerts;

/// <summary>
/// Working an alert (TheHive-style triage): assign to a user of the owner agency, comment, read its history, escalate, and
/// the menu's counts. Acting follows <see cref="AccessPolicy.MayAct"/> (docs/access-policy.md, "Acting on alerts"); the
/// endpoints and the alert page share these methods.
/// </summary>
internal static class AlertTriage
{
    public const string EscalatedKind = "alert.escalated";

    public static IEndpointRouteBuilder MapAlertTriage(this RouteGroupBuilder group)
    {
        group.MapGet("/counts", Counts);
        group.MapGet("/{id:guid}/comments", Comments);
        group.MapGet("/{id:guid}/history", History);
        var acts = group.MapWritesGroup();
        acts.MapPost("/{id:guid}/assign", Assign);
        acts.MapPost("/{id:guid}/comments", Comment);
        acts.MapPost("/{id:guid}/escalate", Escalate);
        return group;
    }

    private static ProblemHttpResult NotYours() => TypedResults.Problem(
        "Only members of the alert's owner agency with a writing role acknowledge, assign, comment on, escalate or resolve it.",
        statusCode: StatusCodes.Status403Forbidden, title: "Not yours to act on");

    private static ProblemHttpResult CommentsNotYours() => TypedResults.Problem(
        "An alert's comments are its owner agency's working notes, read by its members who read the alert in full.",
        statusCode: StatusCodes.Status403Forbidden, title: "Not your agency's comments");

    /// <summary>A step of the history, added to the unit of work.</summary>
    internal static void Record(JsmsDbContext db, Alert alert, Caller caller, string action, string? from, string? to, DateTime at)
        => db.Add(new AlertEvent { Id = Guid.NewGuid(), AlertId = alert.Id, UserId = caller.UserId, Action = action, From = from, To = to, At = at });

    private static async Task<Alert?> FindAsync(JsmsDbContext db, Caller caller, Guid id)
        => await db.Readable<Alert>(caller).FirstOrDefaultAsync(a => a.Id == id);

    private static Task<string?> UserNameAsync(JsmsDbContext db, Guid? id)
        => id is { } user ? db.Users.Where(u => u.Id == user).Select(u => u.UserName).FirstOrDefaultAsync() : Task.FromResult<string?>(null);

    // --- Assign

    public static async Task<Results<Ok<AlertDto>, NotFound, ProblemHttpResult, ValidationProblem>> Assign(Guid id, AssignAlertRequest request, Caller caller,
        JsmsDbContext db, TimeProvider clock)
    {
        var (result, errors) = await AssignAsync(db, caller, clock, id, request.UserId);
        if (errors is not null)
        {
            // No user named, or one who may not take the alert: a field the request got wrong, 400 as everywhere else.
            return TypedResults.ValidationProblem(errors);
        }
        return result switch
        {
            { Alert: { } alert } => TypedResults.Ok(alert),
            { Forbidden: true } => NotYours(),
            _ => TypedResults.NotFound(),
        };
    }

    internal static async Task<(AlertActionResult Result, Dictionary<string, string[]>? Errors)> AssignAsync(JsmsDbContext db, Caller caller, TimeProvider clock,
        Guid id, Guid? userId)
    {
        var alert = await FindAsync(db, caller, id);
        if (alert is null || !caller.MayAct(alert))
        {
            return (new AlertActionResult(null, alert is not null), null);
        }
        if (userId is not { } assignee
            || !await db.Users.AnyAsync(u => u.Id == assignee && u.AgencyId == alert.OwnerAgencyId && !u.IsDisabled))
        {
            return (new AlertActionResult(null, false), new Dictionary<string, string[]>
            {
                ["userId"] = [userId is null
                    ? "Name the user to assign the alert to."
                    : "The alert is assigned to an enabled user of its owner agency; this user is not one."],
            });
        }
        if (alert.AssignedToUserId != assignee)
        {
            var before = await UserNameAsync(db, alert.AssignedToUserId);
            alert.AssignedToUserId = assignee;
            Record(db, alert, caller, "assign", before, await UserNameAsync(db, assignee), clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        }
        return (new AlertActionResult(await AlertsModule.ReadOneAsync(db, caller, id), false), null);
    }

    // --- Comments

    public static async Task<Results<Ok<List<AlertCommentDto>>, NotFound, ProblemHttpResult>> Comments(Guid id, Caller caller, JsmsDbContext db)
    {
        var alert = await FindAsync(db, caller, id);
        if (alert is null)
        {
            return TypedResults.NotFound();
        }
        if (!await MayReadCommentsAsync(db, caller, alert))
        {
            return CommentsNotYours();
        }
        return TypedResults.Ok(await CommentsAsync(db, id));
    }

    /// <summary>
    /// Members of the owner agency who read the alert in full: a comment may name what the alert reveals (a plate, a
    /// position), so a reader who gets it redacted, and the partners it is released to, do not read them.
    /// </summary>
    internal static async Task<bool> MayReadCommentsAsync(JsmsDbContext db, Caller caller, Alert alert)
        => alert.OwnerAgencyId == caller.AgencyId && await db.FullyReadable<Alert>(caller).AnyAsync(a => a.Id == alert.Id);

    internal static Task<List<AlertCommentDto>> CommentsAsync(JsmsDbContext db, Guid id)
        => (from c in db.Set<AlertComment>().AsNoTracking()
            where c.AlertId == id
            join u in db.Users on c.AuthorUserId equals u.Id
            orderby c.At
            select new AlertCommentDto(c.Id, u.UserName ?? "", c.Text, c.At)).ToListAsync();

    public static async Task<Results<Created<AlertCommentDto>, NotFound, ProblemHttpResult, ValidationProblem>> Comment(Guid id, CommentAlertRequest request,
        Caller caller, JsmsDbContext db, TimeProvider clock)
    {
        var (comment, forbidden, errors) = await CommentAsync(db, caller, clock, id, request.Text);
        if (errors is not null)
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (comment is null)
        {
            return forbidden ? NotYours() : TypedResults.NotFound();
        }
        return TypedResults.Created($"/api/alerts/{id}/comments", comment);
    }

    internal static async Task<(AlertCommentDto? Comment, bool Forbidden, Dictionary<string, string[]>? Errors)> CommentAsync(JsmsDbContext db, Caller caller,
        TimeProvider clock, Guid id, string? text)
    {
        var alert = await FindAsync(db, caller, id);
        if (alert is null || !caller.MayAct(alert))
        {
            return (null, alert is not null, null);
        }
        var errors = new Dictionary<string, string[]>();
        var clean = Validate.Text(errors, "text", text, AlertCommentConfiguration.MaxText, required: true);
        if (errors.Count > 0 || clean is null)
        {
            return (null, false, errors.Count > 0 ? errors : new() { ["text"] = ["Write the comment."] });
        }
        var comment = new AlertComment { Id = Guid.NewGuid(), AlertId = id, AuthorUserId = caller.UserId, Text = clean, At = clock.GetUtcNow().UtcDateTime };
        db.Add(comment);
        await db.SaveChangesAsync();
        return (new AlertCommentDto(comment.Id, caller.UserName, comment.Text, comment.At), false, null);
    }

    // --- History

    public static async Task<Results<Ok<List<AlertEventDto>>, NotFound>> History(Guid id, Caller caller, JsmsDbContext db)
    {
        if (await FindAsync(db, caller, id) is null)
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok(await HistoryAsync(db, id));
    }

    /// <summary>The alert's steps, oldest first: what every reader of the alert may see (states and who changed them, no content of its inputs).</summary>
    internal static Task<List<AlertEventDto>> HistoryAsync(JsmsDbContext db, Guid id)
        => (from e in db.Set<AlertEvent>().AsNoTracking()
            where e.AlertId == id
            join u in db.Users on e.UserId equals u.Id
            orderby e.At
            select new AlertEventDto(u.UserName ?? "", e.Action, e.From, e.To, e.At)).ToListAsync();

    // --- Escalate

    public static async Task<Results<Ok<AlertDto>, NotFound, ProblemHttpResult>> Escalate(Guid id, Caller caller, JsmsDbContext db, TimeProvider clock,
        AlertBroadcaster broadcaster)
    {
        var (result, conflict) = await EscalateAsync(db, caller, clock, broadcaster, id);
        if (conflict is not null)
        {
            return TypedResults.Problem(conflict, statusCode: StatusCodes.Status409Conflict, title: "Cannot escalate");
        }
        return result switch
        {
            { Alert: { } alert } => TypedResults.Ok(alert),
            { Forbidden: true } => NotYours(),
            _ => TypedResults.NotFound(),
        };
    }

    /// <summary>
    /// Raises the alert's severity one step and tells the owner agency's coordinators through the alert machinery: a new
    /// alert (<see cref="EscalatedKind"/>, raised by <see cref="AlertRaiser"/>) with the escalated alert's audience plus the
    /// coordinators as named recipients, derived from the escalated alert and every input of it, so it reaches them on the
    /// stream, in the list and in the menu's count, and is redacted for whoever would read the original redacted.
    /// </summary>
    internal static async Task<(AlertActionResult Result, string? Conflict)> EscalateAsync(JsmsDbContext db, Caller caller, TimeProvider clock,
        AlertBroadcaster broadcaster, Guid id)
    {
        var alert = await FindAsync(db, caller, id);
        if (alert is null || !caller.MayAct(alert))
        {
            return (new AlertActionResult(null, alert is not null), null);
        }
        if (alert.Status == AlertStatus.Resolved)
        {
            return (new AlertActionResult(null, false), "The alert is resolved; a resolved alert is not escalated.");
        }
        if (alert.Severity == AlertSeverity.Critical)
        {
            return (new AlertActionResult(null, false), "The alert is already Critical, the highest severity.");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var before = alert.Severity;
        alert.Severity = before + 1;
        Record(db, alert, caller, "escalate", before.ToString(), alert.Severity.ToString(), now);

        var audience = (await AlertRaiser.AudienceOfAsync(db, [alert], CancellationToken.None))[alert.Id];
        var coordinators = await Coordinators.OfAgenciesAsync(db, [alert.OwnerAgencyId], CancellationToken.None);
        var draft = new AlertDraft(EscalatedKind, alert.Severity, $"Escalated to {alert.Severity} by {caller.UserName}: {alert.Title}", now)
        {
            Detail = alert.Detail,
            SubjectType = nameof(Alert),
            SubjectId = alert.Id,
            SubjectLabel = alert.SubjectLabel,
            SiteId = alert.SiteId,
            Latitude = alert.Latitude,
            Longitude = alert.Longitude,
        };
        // The coordinators are named on the escalated alert too, so the notice leads them to it (a RED alert names its
        // readers; AMBER and AMBER+STRICT ones they read already as members of the owner agency).
        var named = await db.Set<NamedRecipient>().Where(r => r.RecordId == alert.Id).Select(r => r.UserId).ToListAsync();
        db.AddRange(coordinators.Except(named).Select(u => new NamedRecipient { RecordId = alert.Id, UserId = u }));
        var raised = db.Raise(draft, audience with { Recipients = [.. audience.Recipients, .. coordinators] }, [new AlertInput(alert, "alert")]);
        // The escalated alert's own inputs too: the notice repeats its title and place.
        var inputs = await db.Set<DerivedInput>().AsNoTracking().Where(i => i.DerivedId == alert.Id).ToListAsync();
        db.AddRange(inputs.Where(i => i.Id != alert.Id).Select(i => new DerivedInput
        {
            DerivedId = raised.Id, Id = i.Id, Kind = i.Kind, NeedToKnow = i.NeedToKnow, OwnerAgencyId = i.OwnerAgencyId, Tlp = i.Tlp, CreatedByUserId = i.CreatedByUserId,
        }));
        db.Audit("escalate", nameof(Alert), alert.Id, $"{before} -> {alert.Severity}; alert {raised.Id}");
        await db.SaveChangesAsync();
        broadcaster.Publish([raised.Id]);
        return (new AlertActionResult(await AlertsModule.ReadOneAsync(db, caller, id), false), null);
    }

    // --- Counts

    public static async Task<Ok<AlertCountsDto>> Counts(Caller caller, JsmsDbContext db) => TypedResults.Ok(await CountsAsync(db, caller));

    /// <summary>Counted only over what the caller may read (no audit: a count names no record).</summary>
    internal static async Task<AlertCountsDto> CountsAsync(JsmsDbContext db, Caller caller)
    {
        var open = db.Readable<Alert>(caller).Where(a => a.Status != AlertStatus.Resolved);
        var agency = caller.AgencyId;
        return new AlertCountsDto(
            await open.CountAsync(),
            await open.CountAsync(a => a.Severity == AlertSeverity.High || a.Severity == AlertSeverity.Critical),
            await db.Readable<UrgentMessage>(caller).CountAsync(m => m.ToAgencyId == agency && m.AcknowledgedAt == null));
    }
}
