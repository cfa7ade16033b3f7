using System.Globalization;
using System.Text.Json;
using Jsms.Features.Protection;
using NetTopologySuite.Geometries;

namespace Jsms.Features.Exercises;

/// <summary>Parsing of the names and dates the exercises and lessons requests carry, with the reasons for refusals.</summary>
internal static class ExerciseValues
{
    public static bool TryParse<TEnum>(string? text, out TEnum value) where TEnum : struct, Enum
    {
        value = default;
        return !string.IsNullOrWhiteSpace(text) && !int.TryParse(text, out _) && Enum.TryParse(text.Trim(), ignoreCase: true, out value)
               && Enum.IsDefined(value);
    }

    public static string Choices<TEnum>() where TEnum : struct, Enum => string.Join(", ", Enum.GetNames<TEnum>());

    public static bool TryParseDate(string? text, out DateOnly date)
        => DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>Reads a required enum field into <paramref name="errors"/> (missing or unknown).</summary>
    public static TEnum Require<TEnum>(Dictionary<string, string[]> errors, string field, string? text) where TEnum : struct, Enum
    {
        if (TryParse<TEnum>(text, out var value))
        {
            return value;
        }
        errors[field] = [string.IsNullOrWhiteSpace(text)
            ? $"The {field} is required: one of {Choices<TEnum>()}."
            : $"Unknown {field} '{text}': use one of {Choices<TEnum>()}."];
        return default;
    }

    /// <summary>Reads a required yyyy-MM-dd date into <paramref name="errors"/>.</summary>
    public static DateOnly RequireDate(Dictionary<string, string[]> errors, string field, string? text)
    {
        if (TryParseDate(text, out var date))
        {
            return date;
        }
        errors[field] = [string.IsNullOrWhiteSpace(text) ? $"The {field} (yyyy-MM-dd) is required." : $"'{text}' is not a valid {field}: write yyyy-MM-dd."];
        return default;
    }

    /// <summary>A Polygon or MultiPolygon (or a Feature with one), each polygon checked as a site's perimeter is.</summary>
    public static (Geometry? Area, string? Problem) ReadArea(JsonElement json)
    {
        var geometry = json.ValueKind == JsonValueKind.Object && json.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String
                       && t.GetString() == "Feature" && json.TryGetProperty("geometry", out var g) ? g : json;
        var type = geometry.ValueKind == JsonValueKind.Object && geometry.TryGetProperty("type", out var gt) && gt.ValueKind == JsonValueKind.String
            ? gt.GetString() : null;
        if (type == "Polygon")
        {
            return Geo.ReadPolygon(geometry);
        }
        if (type != "MultiPolygon")
        {
            return (null, "must be a GeoJSON Polygon or MultiPolygon (or a Feature with one).");
        }
        if (!geometry.TryGetProperty("coordinates", out var polygons) || polygons.ValueKind != JsonValueKind.Array || polygons.GetArrayLength() == 0)
        {
            return (null, "a MultiPolygon needs 'coordinates': an array of polygons.");
        }
        var parts = new List<Polygon>();
        foreach (var coordinates in polygons.EnumerateArray())
        {
            var one = JsonSerializer.SerializeToElement(new { type = "Polygon", coordinates });
            var (polygon, problem) = Geo.ReadPolygon(one);
            if (polygon is null)
            {
                return (null, problem);
            }
            parts.Add(polygon);
        }
        var multi = Geo.Factory.CreateMultiPolygon([.. parts]);
        return multi.IsValid ? (multi, null) : (null, "the polygons overlap or are not valid.");
    }
}
