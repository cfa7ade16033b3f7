using System.Text.Json;
using Jsms.Features.Protection;
using NetTopologySuite.Geometries;

namespace Jsms.Features.Operations;

/// <summary>
/// Consent areas in GeoJSON: a Polygon, a MultiPolygon or a Feature with either, each polygon checked by
/// <see cref="Geo.ReadPolygon"/> (closed rings, finite coordinates in range, valid); and the intersection of areas.
/// </summary>
internal static class ConsentAreas
{
    public const int MaxPolygons = 50;

    /// <summary>The area as a MultiPolygon, or null and a reason.</summary>
    public static (MultiPolygon? Area, string? Problem) Read(JsonElement json)
    {
        var geometry = json.ValueKind == JsonValueKind.Object && json.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String
                       && t.GetString() == "Feature" && json.TryGetProperty("geometry", out var g) ? g : json;
        var type = geometry.ValueKind == JsonValueKind.Object && geometry.TryGetProperty("type", out var gt) && gt.ValueKind == JsonValueKind.String
            ? gt.GetString() : null;
        if (type == "Polygon")
        {
            var (polygon, problem) = Geo.ReadPolygon(geometry);
            return polygon is null ? (null, problem) : (Geo.Factory.CreateMultiPolygon([polygon]), null);
        }
        if (type != "MultiPolygon")
        {
            return (null, "must be a GeoJSON Polygon or MultiPolygon (or a Feature with one).");
        }
        if (!geometry.TryGetProperty("coordinates", out var polygons) || polygons.ValueKind != JsonValueKind.Array || polygons.GetArrayLength() == 0)
        {
            return (null, "a MultiPolygon needs 'coordinates': an array of polygons.");
        }
        if (polygons.GetArrayLength() > MaxPolygons)
        {
            return (null, $"has {polygons.GetArrayLength()} polygons; at most {MaxPolygons} are accepted.");
        }
        var read = new List<Polygon>();
        var index = 0;
        foreach (var coordinates in polygons.EnumerateArray())
        {
            var one = JsonSerializer.SerializeToElement(new { type = "Polygon", coordinates });
            var (polygon, problem) = Geo.ReadPolygon(one);
            if (polygon is null)
            {
                return (null, $"polygon {index}: {problem}");
            }
            read.Add(polygon);
            index++;
        }
        var multi = Geo.Factory.CreateMultiPolygon([.. read]);
        return multi.IsValid ? (multi, null) : (null, "the polygons overlap or touch along an edge; give them as one polygon.");
    }

    /// <summary>The polygons two areas share (empty when they do not overlap).</summary>
    public static MultiPolygon Intersect(MultiPolygon a, MultiPolygon b) => Polygons(a.Intersection(b));

    /// <summary>The polygonal part of a geometry as a MultiPolygon (an intersection may also yield lines and points where edges touch).</summary>
    public static MultiPolygon Polygons(Geometry geometry)
    {
        var polygons = new List<Polygon>();
        for (var i = 0; i < geometry.NumGeometries; i++)
        {
            switch (geometry.GetGeometryN(i))
            {
                case Polygon p when !p.IsEmpty:
                    polygons.Add(p);
                    break;
                case MultiPolygon m:
                    polygons.AddRange(m.Geometries.OfType<Polygon>());
                    break;
            }
        }
        return Geo.Factory.CreateMultiPolygon([.. polygons]);
    }
}
