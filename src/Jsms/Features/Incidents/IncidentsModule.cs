using Jsms.Platform.Access;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jsms.Features.Incidents;

/// <summary>
/// The incidents register under <c>/api/incidents</c> (docs/incidents.md). Reads go through the access policy (an incident
/// the caller may not read answers 404 and is left out of lists); changes are for the owner agency's writers, each one
/// kept as a version; an update or merge sent with a stale <c>expectedVersion</c> answers 409.
/// </summary>
internal static class IncidentsModule
{
    public static IServiceCollection AddIncidents(this IServiceCollection services)
    {
        services.AddScoped<IncidentsService>();
        services.AddScoped<IncidentsNearSite>();
        services.AddScoped<IncidentChangeFeed>();
        return services;
    }

    public static IEndpointRouteBuilder MapIncidents(this IEndpointRouteBuilder app)
    {
        var incidents = app.MapApiGroup("/incidents", "Incidents");
        incidents.MapGet("", List);
        incidents.MapGet("/codes", Codes);
        incidents.MapGet("/changes", Changes);
        incidents.MapGet("/{id:guid}", Get);
        incidents.MapGet("/{id:guid}/versions", Versions);
        var writes = incidents.MapWritesGroup();
        writes.MapPost("", Create);
        writes.MapPut("/{id:guid}", Update);
        writes.MapDelete("/{id:guid}", Delete);
        writes.MapPost("/{id:guid}/merge", Merge);
        return app;
    }

    /// <summary>
    /// The incidents the caller may read (deleted ones left out), newest first, filtered by period (<c>from</c>, <c>to</c>,
    /// yyyy-MM-dd), <c>country</c>, <c>admin1</c>, <c>attackType</c> (GTD code), perpetrator <c>group</c> (part of its name)
    /// and <c>text</c> (title, summary, place), a page at a time (<c>page</c> from 1, <c>pageSize</c> up to 500).
    /// </summary>
    public static async Task<Results<Ok<IncidentPageDto>, ValidationProblem>> List(Caller caller, IncidentsService service,
        DateOnly? from = null, DateOnly? to = null, string? country = null, string? admin1 = null, int? attackType = null, string? group = null,
        string? text = null, int page = 1, int pageSize = IncidentFilter.DefaultPageSize)
    {
        var errors = new Dictionary<string, string[]>();
        if (from > to)
        {
            errors["to"] = ["Before 'from'."];
        }
        if (attackType is { } code && !GtdCodes.AttackTypes.ContainsKey(code))
        {
            errors["attackType"] = ["Not a GTD attack type code (1–9)."];
        }
        if (page < 1)
        {
            errors["page"] = ["From 1."];
        }
        if (pageSize is < 1 or > IncidentFilter.MaxPageSize)
        {
            errors["pageSize"] = [$"From 1 to {IncidentFilter.MaxPageSize}."];
        }
        Validate.Text(errors, "text", text, 200, false);
        Validate.Text(errors, "group", group, IncidentLimits.GroupName, false);
        return errors.Count > 0 ? TypedResults.ValidationProblem(errors)
            : TypedResults.Ok(await service.ListAsync(caller, new IncidentFilter(from, to, country, admin1, attackType, group, text, page, pageSize)));
    }

    /// <summary>The GTD code lists (attack, weapon, target types) and the names of the precisions, victim classes and formats.</summary>
    public static Ok<IncidentCodesDto> Codes() => TypedResults.Ok(IncidentCodesDto.All);

    public static async Task<Results<Ok<IncidentDetailDto>, NotFound>> Get(Guid id, Caller caller, IncidentsService service)
        => await service.GetAsync(caller, id) is { } incident ? TypedResults.Ok(incident) : TypedResults.NotFound();

    /// <summary>Every version of the incident, newest first: who changed which fields when, and a snapshot.</summary>
    /// <summary>
    /// The change feed: the readable incidents created, corrected, deleted or merged after <c>since</c> (UTC), oldest change
    /// first, <c>limit</c> at a time (up to 1,000); the next page is asked with the answer's <c>nextSince</c> and <c>nextAfter</c>.
    /// </summary>
    public static async Task<Results<Ok<IncidentChangesDto>, ValidationProblem>> Changes(Caller caller, IncidentChangeFeed feed, DateTimeOffset? since,
        Guid? after, int limit = 500, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string[]>();
        if (since is null)
        {
            errors["since"] = ["Required: the point in time (ISO 8601, e.g. 2026-12-01T00:00:00Z) after which changes are listed."];
        }
        if (limit is < 1 or > IncidentChangeFeed.MaxLimit)
        {
            errors["limit"] = [$"From 1 to {IncidentChangeFeed.MaxLimit}."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        return TypedResults.Ok(await feed.ChangesAsync(caller, since!.Value.UtcDateTime, after, limit, cancellationToken));
    }

    public static async Task<Results<Ok<IncidentHistoryDto>, NotFound>> Versions(Guid id, Caller caller, IncidentsService service)
        => await service.VersionsAsync(caller, id) is { } history ? TypedResults.Ok(history) : TypedResults.NotFound();

    public static async Task<Results<Created<IncidentDetailDto>, ValidationProblem>> Create(IncidentRequest request, Caller caller, IncidentsService service)
    {
        var outcome = await service.CreateAsync(caller, request);
        return outcome.Value is { } value ? TypedResults.Created($"/api/incidents/{value.Id}", value) : TypedResults.ValidationProblem(outcome.Errors!);
    }

    public static async Task<Results<Ok<IncidentDetailDto>, NotFound, ValidationProblem, ProblemHttpResult>> Update(Guid id, IncidentRequest request,
        Caller caller, IncidentsService service)
        => Answer(await service.UpdateAsync(caller, id, request));

    /// <summary>Soft delete (the owner's writers): the incident leaves lists, its versions stay.</summary>
    public static async Task<Results<NoContent, NotFound>> Delete(Guid id, Caller caller, IncidentsService service)
        => await service.DeleteAsync(caller, id) ? TypedResults.NoContent() : TypedResults.NotFound();

    /// <summary>
    /// Merges another incident (a second report of the same attack) into this one, keeping each source with its figures;
    /// the other is soft-deleted pointing here. 404 naming <c>otherId</c> when the caller may not change it; 409 when this
    /// one is shared more widely than the other.
    /// </summary>
    public static async Task<Results<Ok<IncidentDetailDto>, NotFound, ValidationProblem, ProblemHttpResult>> Merge(Guid id, MergeRequest request,
        Caller caller, IncidentsService service)
        => Answer(await service.MergeAsync(caller, id, request));

    private static Results<Ok<IncidentDetailDto>, NotFound, ValidationProblem, ProblemHttpResult> Answer(Outcome<IncidentDetailDto> outcome) => outcome switch
    {
        { Value: { } value } => TypedResults.Ok(value),
        { Errors: { } errors } => TypedResults.ValidationProblem(errors),
        { Conflict: { } why } => TypedResults.Problem(why, statusCode: StatusCodes.Status409Conflict, title: "The incident cannot be changed so"),
        _ => TypedResults.NotFound(),
    };
}
