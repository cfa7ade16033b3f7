using Jsms.Platform.Access;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jsms.Features.Incidents;

/// <summary>
/// Incidents in and out in the data sets' formats (docs/incidents.md, "Import" and "Export"): <c>POST /api/incidents/import</c>
/// (writers; the caller and role are checked before the body is read) and <c>GET /api/incidents/export</c> (what the caller
/// may read), plus the statistics and the map (<see cref="IncidentStatisticsModule"/>).
/// </summary>
internal static class IncidentsExchangeModule
{
    /// <summary>The largest file taken: the whole GTD (about 200,000 rows) in its full layout is under this.</summary>
    public const long MaxUploadBytes = 256L * 1024 * 1024;

    public static IServiceCollection AddIncidentsExchange(this IServiceCollection services)
    {
        services.AddScoped<IncidentImporter>();
        services.AddScoped<IncidentExporter>();
        services.AddScoped<IncidentStatistics>();
        services.AddScoped<IncidentRegions>();
        services.AddSingleton(_ => Admin1Areas.LoadShipped());
        return services;
    }

    public static IEndpointRouteBuilder MapIncidentsExchange(this IEndpointRouteBuilder app)
    {
        var incidents = app.MapApiGroup("/incidents", "Incidents");
        incidents.MapGet("/export", Export);
        var writes = incidents.MapWritesGroup();
        writes.MapPost("/import", Import);
        writes.MapIncidentSharing();
        app.MapIncidentStatistics();
        return app;
    }

    /// <summary>
    /// Imports a GTD, ACLED or UCDP GED CSV file (multipart field <c>file</c>; <c>format=gtd|acled|ucdp</c>). New incidents
    /// are the caller's agency's, marked <c>tlp</c> (default AMBER) and released to <c>releaseTo</c>. A bad row answers 400
    /// naming its line and column, and nothing of the file is stored; otherwise the answer lists the events added, updated
    /// and unchanged.
    /// </summary>
    public static async Task<Results<Ok<ImportOutcomeDto>, ValidationProblem>> Import(HttpContext http, Caller caller, IncidentImporter importer,
        string? format, string? tlp, [FromQuery] string[]? releaseTo, CancellationToken cancellationToken)
    {
        if (IncidentFileFormat.For(format) is not { } fileFormat)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = ["One of gtd, acled, ucdp."] });
        }
        var (form, formError) = await MultipartForms.ReadAsync(http, MaxUploadBytes, cancellationToken);
        if (form?.Files.GetFile("file") is not { } file)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [formError ?? $"Upload the {fileFormat.Name} CSV file in the multipart field 'file'."] });
        }
        await using var stream = file.OpenReadStream();
        var (outcome, markingErrors) = await importer.ImportAsync(caller, fileFormat, stream, new MarkingInput(tlp, releaseTo, null), null, cancellationToken);
        if (markingErrors is not null)
        {
            return TypedResults.ValidationProblem(markingErrors);
        }
        if (!outcome!.Stored)
        {
            return TypedResults.ValidationProblem(outcome.Errors.GroupBy(e => $"line {e.Line}: {e.Field}").ToDictionary(g => g.Key, g => g.Select(e => e.Problem).ToArray()),
                title: $"The {fileFormat.Name} file was refused; nothing of it was stored.");
        }
        return TypedResults.Ok(outcome);
    }

    /// <summary>
    /// The readable incidents (filtered like the list: <c>from</c>, <c>to</c>, <c>country</c>, <c>admin1</c>, <c>attackType</c>,
    /// <c>group</c>) as <c>format=csv</c> (JSMS's columns), <c>gtd</c> (the GTD layout), <c>geojson</c> or <c>stix</c> (a STIX 2.1 bundle).
    /// </summary>
    public static async Task<Results<FileContentHttpResult, ValidationProblem>> Export(Caller caller, IncidentExporter exporter, string? format,
        DateOnly? from, DateOnly? to, string? country, string? admin1, int? attackType, string? group, CancellationToken cancellationToken)
    {
        var filter = new IncidentExportFilter(from, to, country, admin1, attackType, group);
        var errors = IncidentQueries.Check(filter);
        var chosen = (format ?? "csv").Trim().ToLowerInvariant();
        if (!IncidentExporter.Formats.Contains(chosen))
        {
            errors["format"] = ["One of csv, gtd, geojson, stix."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var incidents = await exporter.LoadAsync(caller, filter, chosen, cancellationToken);
        var text = await exporter.WriteAsync(incidents, chosen, cancellationToken);
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(text), IncidentExporter.ContentType(chosen), IncidentExporter.FileName(chosen));
    }
}
