using System.Globalization;
using System.Text;
using System.Text.Json;
using Jsms.Platform.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jsms.Features.Incidents;

/// <summary><c>GET /api/incidents/regions</c>: the heat view by first-level administrative area (docs/incidents.md).</summary>
internal static class IncidentRegionsEndpoint
{
    /// <summary>
    /// A GeoJSON FeatureCollection of the administrative areas of every country with a readable incident in
    /// <c>from</c>–<c>to</c> (default: the last twelve months), or of <c>country</c>, each with its <c>attacks</c>,
    /// <c>killed</c> and <c>injured</c> (0 where none) over the incidents the caller may read, narrowed by
    /// <c>attackType</c> and <c>group</c> like the map; <c>totals</c> over all of them and <c>unmatched</c>, those
    /// counted in no area (an admin1 name the areas do not know, or neither admin1 nor point).
    /// </summary>
    public static async Task<Results<ContentHttpResult, ValidationProblem>> Regions(Caller caller, IncidentRegions regions, Admin1Areas areas, TimeProvider clock,
        DateOnly? from, DateOnly? to, int? attackType, string? group, string? country, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var filter = new IncidentExportFilter(from ?? today.AddYears(-1).AddDays(1), to ?? today, country, null, attackType, group);
        var errors = IncidentQueries.Check(filter);
        if (filter.To!.Value.Year - filter.From!.Value.Year > IncidentStatisticsModule.MaxYears)
        {
            errors["from"] = [$"At most {IncidentStatisticsModule.MaxYears} years at once."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var (counted, unmatched, countries) = await regions.ComputeAsync(caller, filter, areas, cancellationToken);
        if (!string.IsNullOrWhiteSpace(country))
        {
            countries = [country.Trim().ToUpperInvariant()];
        }
        var figures = counted.ToDictionary(f => f.Area!);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", "FeatureCollection");
            json.WriteString("from", filter.From.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteString("to", filter.To.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            WriteFigures(json, "totals", counted.Sum(f => f.Attacks) + unmatched.Attacks, counted.Sum(f => f.Killed) + unmatched.Killed,
                counted.Sum(f => f.Injured) + unmatched.Injured);
            WriteFigures(json, "unmatched", unmatched.Attacks, unmatched.Killed, unmatched.Injured);
            json.WriteStartArray("features");
            foreach (var area in countries.Order(StringComparer.Ordinal).SelectMany(areas.OfCountry))
            {
                var f = figures.GetValueOrDefault(area);
                json.WriteStartObject();
                json.WriteString("type", "Feature");
                json.WriteString("id", area.Code);
                json.WritePropertyName("geometry");
                json.WriteRawValue(area.GeometryJson, skipInputValidation: true);
                json.WriteStartObject("properties");
                json.WriteString("country", area.Country);
                json.WriteString("name", area.Name);
                json.WriteString("code", area.Code);
                json.WriteNumber("attacks", f?.Attacks ?? 0);
                json.WriteNumber("killed", f?.Killed ?? 0);
                json.WriteNumber("injured", f?.Injured ?? 0);
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return TypedResults.Content(Encoding.UTF8.GetString(buffer.ToArray()), "application/geo+json");
    }

    private static void WriteFigures(Utf8JsonWriter json, string name, int attacks, int killed, int injured)
    {
        json.WriteStartObject(name);
        json.WriteNumber("attacks", attacks);
        json.WriteNumber("killed", killed);
        json.WriteNumber("injured", injured);
        json.WriteEndObject();
    }
}
