using System.Text;
using System.Text.Json;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Jsms.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Incidents;

/// <summary><c>GET /api/incidents/statistics</c> and <c>GET /api/incidents/map</c>, over the incidents the caller may read.</summary>
internal static class IncidentStatisticsModule
{
    /// <summary>The longest period the statistics take at once (a hundred years by week would be 5,200 rows a group).</summary>
    public const int MaxYears = 30;

    public static IEndpointRouteBuilder MapIncidentStatistics(this IEndpointRouteBuilder app)
    {
        var incidents = app.MapApiGroup("/incidents", "Incidents");
        incidents.MapGet("/statistics", Statistics);
        incidents.MapGet("/map", Map);
        incidents.MapGet("/regions", IncidentRegionsEndpoint.Regions);
        return app;
    }

    /// <summary>
    /// Attacks, killed and injured by <c>by</c> (week, month, quarter, year, region, country, attackType, targetType, group,
    /// victimClass) and optionally <c>by2</c>, over <c>from</c>–<c>to</c> (default: the last twelve months), for one
    /// <c>country</c> or all, each with its change in percent against the previous period.
    /// </summary>
    public static async Task<Results<Ok<StatisticsDto>, ValidationProblem>> Statistics(Caller caller, IncidentStatistics statistics, TimeProvider clock,
        DateOnly? from, DateOnly? to, string? by, string? by2, string? country, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var end = to ?? today;
        var start = from ?? new DateOnly(end.Year, end.Month, 1).AddMonths(-11);
        if (start > end)
        {
            errors["to"] = ["Before 'from'."];
        }
        if (end.Year - start.Year > MaxYears)
        {
            errors["from"] = [$"At most {MaxYears} years at once."];
        }
        const string dimensions = "week, month, quarter, year, region, country, attackType, targetType, group or victimClass";
        if (!IncidentStatistics.TryParseDimension(by ?? "month", out var first))
        {
            errors["by"] = [$"One of {dimensions}."];
        }
        StatisticsDimension? second = null;
        if (by2 is not null)
        {
            if (!IncidentStatistics.TryParseDimension(by2, out var parsed))
            {
                errors["by2"] = [$"One of {dimensions}."];
            }
            else if (parsed == first || (IncidentStatistics.IsTime(parsed) && IncidentStatistics.IsTime(first)))
            {
                errors["by2"] = ["A second dimension, other than 'by' (at most one of them a period)."];
            }
            else
            {
                second = parsed;
            }
        }
        if (country is not null && !(country.Trim().Length == 2 && country.Trim().All(char.IsAsciiLetter)))
        {
            errors["country"] = ["An ISO 3166-1 alpha-2 code (PK)."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        return TypedResults.Ok(await statistics.ComputeAsync(caller, start, end, first, second, country?.Trim().ToUpperInvariant(), cancellationToken));
    }

    /// <summary>
    /// The readable incidents with a point, <c>from</c>–<c>to</c> (default: the last twelve months), as a GeoJSON
    /// FeatureCollection for the operating picture: id, title, day, first attack type (code and label), suicide, killed,
    /// injured; and the casualty totals of those shown (<c>totals</c>: incidents, killed, injured). Only the columns the map needs are read. Incidents at AMBER+STRICT or RED shown here are audited as listed.
    /// </summary>
    public static async Task<Results<ContentHttpResult, ValidationProblem>> Map(Caller caller, JsmsDbContext db, TimeProvider clock,
        DateOnly? from, DateOnly? to, int? attackType, string? group, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var filter = new IncidentExportFilter(from ?? today.AddYears(-1).AddDays(1), to ?? today, null, null, attackType, group);
        var errors = IncidentQueries.Check(filter);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var rows = await AggregateQueries.WithoutJitAsync(db, () => IncidentQueries.Filtered(db, caller, filter)
            .Where(i => i.Latitude != null && i.Longitude != null)
            .Select(i => new { i.Id, i.Title, i.OccurredOn, i.Latitude, i.Longitude, i.AttackTypes, i.Suicide, i.KilledBest, i.InjuredBest, i.Tlp })
            .ToListAsync(cancellationToken), cancellationToken);
        var sensitive = rows.Where(r => AccessPolicy.IsSensitive(r.Tlp)).ToList();
        if (sensitive.Count > 0)
        {
            foreach (var r in sensitive)
            {
                db.Audit("list", nameof(Incident), r.Id, "incident map");
            }
            await db.WriteAuditInBulkAsync(cancellationToken);
        }
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", "FeatureCollection");
            // The casualty totals of what the map shows, for its legend.
            json.WriteStartObject("totals");
            json.WriteNumber("incidents", rows.Count);
            json.WriteNumber("killed", rows.Sum(r => r.KilledBest));
            json.WriteNumber("injured", rows.Sum(r => r.InjuredBest));
            json.WriteEndObject();
            json.WriteStartArray("features");
            foreach (var r in rows)
            {
                var attack = r.AttackTypes.Count > 0 ? r.AttackTypes[0] : 0;
                json.WriteStartObject();
                json.WriteString("type", "Feature");
                json.WriteString("id", r.Id);
                json.WriteStartObject("geometry");
                json.WriteString("type", "Point");
                json.WriteStartArray("coordinates");
                json.WriteNumberValue(Math.Round(r.Longitude!.Value, 5));
                json.WriteNumberValue(Math.Round(r.Latitude!.Value, 5));
                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteStartObject("properties");
                json.WriteString("title", r.Title);
                json.WriteString("occurredOn", r.OccurredOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                json.WriteNumber("attackType", attack);
                json.WriteString("attackLabel", attack == 0 ? "Not typed" : GtdCodes.Label(GtdCodes.AttackTypes, attack));
                json.WriteBoolean("suicide", r.Suicide);
                json.WriteNumber("killed", r.KilledBest);
                json.WriteNumber("injured", r.InjuredBest);
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return TypedResults.Content(Encoding.UTF8.GetString(buffer.ToArray()), "application/geo+json");
    }
}
