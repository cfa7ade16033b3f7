using Jsms.Platform.Access;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jsms.Features.Protection;

/// <summary>
/// Protected persons, sites and movements under <c>/api/persons</c>, <c>/api/sites</c>, <c>/api/movements</c>.
/// Every query goes through the access policy; a record the caller may not read (or change) answers 404,
/// a viewer gets 403 on writes. Movements are need-to-know (docs/access-policy.md) and every look is audited.
/// </summary>
internal static class ProtectionModule
{
    public static IServiceCollection AddProtection(this IServiceCollection services)
    {
        services.AddSingleton<PersonIdentifiers>();
        services.AddSingleton<SiteChanges>();
        services.AddScoped<PersonsService>();
        services.AddScoped<SitesService>();
        services.AddScoped<MovementsService>();
        return services;
    }

    public static IEndpointRouteBuilder MapProtection(this IEndpointRouteBuilder app)
    {
        var persons = app.MapApiGroup("/persons", "Protection");
        persons.MapGet("", ListPersons);
        persons.MapGet("/{id:guid}", GetPerson);
        var personWrites = persons.MapWritesGroup();
        personWrites.MapPost("", CreatePerson);
        personWrites.MapPut("/{id:guid}", UpdatePerson);
        personWrites.MapDelete("/{id:guid}", DeletePerson);

        var sites = app.MapApiGroup("/sites", "Protection");
        sites.MapGet("", ListSites);
        sites.MapGet("/{id:guid}", GetSite);
        var siteWrites = sites.MapWritesGroup();
        siteWrites.MapPost("", CreateSite);
        siteWrites.MapPut("/{id:guid}", UpdateSite);
        siteWrites.MapDelete("/{id:guid}", DeleteSite);

        var movements = app.MapApiGroup("/movements", "Protection");
        movements.MapGet("", ListMovements);
        movements.MapGet("/routes", MovementRoutes);
        movements.MapGet("/{id:guid}", GetMovement);
        movements.MapGet("/{id:guid}/export", ExportMovement);
        movements.MapGet("/{id:guid}/access-log", AccessLog);
        var movementWrites = movements.MapWritesGroup();
        movementWrites.MapPost("", CreateMovement);
        movementWrites.MapPut("/{id:guid}", UpdateMovement);
        movementWrites.MapDelete("/{id:guid}", DeleteMovement);
        return app;
    }

    // The use cases live in PersonsService, SitesService and MovementsService, shared with the pages; these methods
    // only map outcomes to HTTP.

    public static async Task<Ok<List<PersonDto>>> ListPersons(Caller caller, PersonsService persons)
        => TypedResults.Ok(await persons.ListPersonsAsync(caller));

    public static async Task<Results<Ok<PersonDto>, NotFound>> GetPerson(Guid id, Caller caller, PersonsService persons)
        => await persons.GetPersonAsync(caller, id) is { } person ? TypedResults.Ok(person) : TypedResults.NotFound();

    public static async Task<Results<Created<PersonDto>, ValidationProblem>> CreatePerson(PersonRequest request, Caller caller, PersonsService persons)
        => Created(await persons.CreatePersonAsync(caller, request), p => $"/api/persons/{p.Id}");

    public static async Task<Results<Ok<PersonDto>, NotFound, ValidationProblem>> UpdatePerson(Guid id, PersonRequest request, Caller caller,
        PersonsService persons)
        => Ok(await persons.UpdatePersonAsync(caller, id, request));

    public static async Task<Results<NoContent, NotFound>> DeletePerson(Guid id, Caller caller, PersonsService persons)
        => await persons.DeletePersonAsync(caller, id) ? TypedResults.NoContent() : TypedResults.NotFound();

    /// <summary>
    /// The sites the caller may read; with <c>?near=lat,lon&amp;withinMetres=N</c> only those whose perimeter comes
    /// within N metres of the point (0 inside it), measured in the database on PostgreSQL (<see cref="SitesNear"/>).
    /// </summary>
    public static async Task<Results<Ok<List<SiteDto>>, ValidationProblem>> ListSites(Caller caller, SitesService sites,
        string? near = null, string? withinMetres = null)
    {
        if (near is null && withinMetres is null)
        {
            return TypedResults.Ok(await sites.ListSitesAsync(caller));
        }
        var errors = new Dictionary<string, string[]>();
        var point = near?.Split(',') is [var la, var lo] && Number(la) is { } lat && Geo.IsLatitude(lat) && Number(lo) is { } lon && Geo.IsLongitude(lon)
            ? (Lat: lat, Lon: lon) : ((double Lat, double Lon)?)null;
        if (point is null)
        {
            errors["near"] = ["Latitude and longitude in degrees, latitude first: near=24.9,67.16."];
        }
        if (Number(withinMetres) is not { } metres || metres is < 0 or > SitesNear.MaxMetres)
        {
            errors["withinMetres"] = [$"Metres from the point, 0 to {SitesNear.MaxMetres}."];
            metres = 0;
        }
        return errors.Count > 0 ? TypedResults.ValidationProblem(errors)
            : TypedResults.Ok(await sites.ListSitesNearAsync(caller, point!.Value.Lat, point.Value.Lon, metres));

        static double? Number(string? text)
            => double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value)
               && double.IsFinite(value) ? value : null;
    }

    public static async Task<Results<Ok<SiteDto>, NotFound>> GetSite(Guid id, Caller caller, SitesService sites)
        => await sites.GetSiteAsync(caller, id) is { } site ? TypedResults.Ok(site) : TypedResults.NotFound();

    public static async Task<Results<Created<SiteDto>, ValidationProblem>> CreateSite(SiteRequest request, Caller caller, SitesService sites)
        => Created(await sites.CreateSiteAsync(caller, request), s => $"/api/sites/{s.Id}");

    public static async Task<Results<Ok<SiteDto>, NotFound, ValidationProblem>> UpdateSite(Guid id, SiteRequest request, Caller caller,
        SitesService sites)
        => Ok(await sites.UpdateSiteAsync(caller, id, request));

    public static async Task<Results<NoContent, NotFound>> DeleteSite(Guid id, Caller caller, SitesService sites)
        => await sites.DeleteSiteAsync(caller, id) ? TypedResults.NoContent() : TypedResults.NotFound();

    /// <summary>The movements the caller may see (names and status only); each listed movement is an audited look.</summary>
    public static async Task<Ok<List<MovementSummaryDto>>> ListMovements(Caller caller, MovementsService movements)
        => TypedResults.Ok(await movements.ListMovementsAsync(caller));

    /// <summary>
    /// The routes of the movements planned or under way the caller may see, for the map; a view is recorded once per user
    /// and movement per route version and watch shift, not at every refresh (<see cref="MovementsService.MapRoutesAsync"/>).
    /// </summary>
    public static async Task<Ok<List<MovementRouteDto>>> MovementRoutes(Caller caller, MovementsService movements)
        => TypedResults.Ok(await movements.MapRoutesAsync(caller));

    /// <summary>Route and schedule; audited as a read. 404 for anyone outside the named list and the owner's coordinators.</summary>
    public static async Task<Results<Ok<MovementDto>, NotFound>> GetMovement(Guid id, Caller caller, MovementsService movements)
        => await movements.GetMovementAsync(caller, id) is { } movement ? TypedResults.Ok(movement) : TypedResults.NotFound();

    /// <summary>The movement as a GeoJSON FeatureCollection (route and checkpoints); audited as an export.</summary>
    public static async Task<Results<ContentHttpResult, NotFound>> ExportMovement(Guid id, Caller caller, MovementsService movements)
        => await movements.ExportMovementAsync(caller, id) is { } json ? TypedResults.Content(json, "application/geo+json") : TypedResults.NotFound();

    /// <summary>
    /// Who has seen this movement (every list, read, export, change and share of it, from the audit log), for the
    /// owner agency's coordinators and administrators; 404 for anyone else. <c>?format=csv</c> exports it.
    /// Running the report is itself audited.
    /// </summary>
    public static async Task<Results<Ok<List<MovementAccessDto>>, ContentHttpResult, NotFound>> AccessLog(Guid id, string? format, Caller caller,
        MovementsService movements)
    {
        var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
        if (await movements.AccessLogAsync(caller, id, csv) is not { } entries)
        {
            return TypedResults.NotFound();
        }
        return csv ? TypedResults.Content(MovementsService.AccessLogCsv(entries), "text/csv") : TypedResults.Ok(entries);
    }

    public static async Task<Results<Created<MovementDto>, ValidationProblem>> CreateMovement(MovementRequest request, Caller caller,
        MovementsService movements)
        => Created(await movements.CreateMovementAsync(caller, request), m => $"/api/movements/{m.Id}");

    public static async Task<Results<Ok<MovementDto>, NotFound, ValidationProblem>> UpdateMovement(Guid id, MovementRequest request, Caller caller,
        MovementsService movements)
        => Ok(await movements.UpdateMovementAsync(caller, id, request));

    public static async Task<Results<NoContent, NotFound>> DeleteMovement(Guid id, Caller caller, MovementsService movements)
        => await movements.DeleteMovementAsync(caller, id) ? TypedResults.NoContent() : TypedResults.NotFound();

    internal static Results<Ok<T>, NotFound, ValidationProblem> Ok<T>(Outcome<T> outcome) where T : class => outcome switch
    {
        { Value: { } value } => TypedResults.Ok(value),
        { Errors: { } errors } => TypedResults.ValidationProblem(errors),
        _ => TypedResults.NotFound(),
    };

    /// <summary>A create has no record to miss: it is made or refused.</summary>
    internal static Results<Created<T>, ValidationProblem> Created<T>(Outcome<T> outcome, Func<T, string> location) where T : class
        => outcome.Value is { } value ? TypedResults.Created(location(value), value) : TypedResults.ValidationProblem(outcome.Errors!);
}
