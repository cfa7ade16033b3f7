using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Geometries;

namespace Jsms.Features.Protection;

/// <summary>
/// GeoJSON (RFC 7946) geometries read with System.Text.Json into NetTopologySuite geometries in
/// longitude/latitude degrees, and a local projection for distances in metres. The text is what is
/// stored; geometry lives only in memory (NTS's GeoJSON and EF plugins are not available here).
/// </summary>
public static class Geo
{
    public const double EarthRadiusMetres = 6_371_008.8;

    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    /// <summary>Reads a Polygon (or a Feature whose geometry is a Polygon); null and a reason when it is not a valid one.</summary>
    public static (Polygon? Polygon, string? Problem) ReadPolygon(JsonElement json)
    {
        try
        {
            var geometry = Unwrap(json);
            if (geometry.ValueKind != JsonValueKind.Object || !geometry.TryGetProperty("type", out var type) || type.GetString() != "Polygon")
            {
                return (null, "must be a GeoJSON Polygon (or a Feature with a Polygon geometry).");
            }
            if (!geometry.TryGetProperty("coordinates", out var rings) || rings.ValueKind != JsonValueKind.Array || rings.GetArrayLength() == 0)
            {
                return (null, "a Polygon needs 'coordinates': an array of linear rings.");
            }
            var linear = new List<LinearRing>();
            foreach (var ring in rings.EnumerateArray())
            {
                var (coordinates, problem) = ReadPositions(ring);
                if (problem is not null)
                {
                    return (null, problem);
                }
                if (coordinates!.Length < 4 || !coordinates[0].Equals2D(coordinates[^1]))
                {
                    return (null, "each ring needs at least 4 positions and must end where it starts.");
                }
                linear.Add(Factory.CreateLinearRing(coordinates));
            }
            var polygon = Factory.CreatePolygon(linear[0], [.. linear.Skip(1)]);
            if (!polygon.IsValid)
            {
                return (null, "the polygon is not valid (self-intersecting or degenerate).");
            }
            return (polygon, null);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException)
        {
            return (null, "is not a readable GeoJSON Polygon.");
        }
    }

    /// <summary>Reads a LineString (or a Feature with one) with at least two positions.</summary>
    public static (LineString? Line, string? Problem) ReadLineString(JsonElement json)
    {
        try
        {
            var geometry = Unwrap(json);
            if (geometry.ValueKind != JsonValueKind.Object || !geometry.TryGetProperty("type", out var type) || type.GetString() != "LineString")
            {
                return (null, "must be a GeoJSON LineString (or a Feature with a LineString geometry).");
            }
            if (!geometry.TryGetProperty("coordinates", out var positions))
            {
                return (null, "a LineString needs 'coordinates'.");
            }
            var (coordinates, problem) = ReadPositions(positions);
            if (problem is not null)
            {
                return (null, problem);
            }
            return coordinates!.Length < 2 ? (null, "a LineString needs at least 2 positions.") : (Factory.CreateLineString(coordinates), null);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException)
        {
            return (null, "is not a readable GeoJSON LineString.");
        }
    }

    private static JsonElement Unwrap(JsonElement json)
        => json.ValueKind == JsonValueKind.Object && json.TryGetProperty("type", out var t) && t.GetString() == "Feature"
           && json.TryGetProperty("geometry", out var g) ? g : json;

    private static (Coordinate[]? Coordinates, string? Problem) ReadPositions(JsonElement positions)
    {
        if (positions.ValueKind != JsonValueKind.Array)
        {
            return (null, "positions must be arrays of [longitude, latitude].");
        }
        var list = new List<Coordinate>();
        foreach (var position in positions.EnumerateArray())
        {
            if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() < 2
                || position[0].ValueKind != JsonValueKind.Number || position[1].ValueKind != JsonValueKind.Number)
            {
                return (null, "each position must be [longitude, latitude] in degrees.");
            }
            var lon = position[0].GetDouble();
            var lat = position[1].GetDouble();
            if (!IsLongitude(lon) || !IsLatitude(lat))
            {
                return (null, $"position [{lon.ToString(CultureInfo.InvariantCulture)}, {lat.ToString(CultureInfo.InvariantCulture)}] is out of range (longitude first).");
            }
            list.Add(new Coordinate(lon, lat));
        }
        return (list.ToArray(), null);
    }

    public static bool IsLatitude(double value) => double.IsFinite(value) && value is >= -90 and <= 90;

    public static bool IsLongitude(double value) => double.IsFinite(value) && value is >= -180 and <= 180;

    /// <summary>Writes a geometry's GeoJSON text (Polygon or LineString, longitude first).</summary>
    public static string Write(Geometry geometry)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("type", geometry.GeometryType);
            writer.WritePropertyName("coordinates");
            switch (geometry)
            {
                case Polygon polygon:
                    writer.WriteStartArray();
                    WriteRing(writer, polygon.ExteriorRing.Coordinates);
                    foreach (var hole in polygon.InteriorRings)
                    {
                        WriteRing(writer, hole.Coordinates);
                    }
                    writer.WriteEndArray();
                    break;
                default:
                    WriteRing(writer, geometry.Coordinates);
                    break;
            }
            writer.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteRing(Utf8JsonWriter writer, Coordinate[] coordinates)
    {
        writer.WriteStartArray();
        foreach (var c in coordinates)
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(c.X);
            writer.WriteNumberValue(c.Y);
            writer.WriteEndArray();
        }
        writer.WriteEndArray();
    }

    /// <summary>Great-circle distance in metres.</summary>
    public static double HaversineMetres(double lat1, double lon1, double lat2, double lon2)
    {
        static double Rad(double d) => d * Math.PI / 180;
        var dLat = Rad(lat2 - lat1);
        var dLon = Rad(lon2 - lon1);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusMetres * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}

/// <summary>
/// An equirectangular projection centred on a site: x east and y north in metres. Over the few
/// kilometres of a site and its watch zone the error is well under a metre per kilometre, so planar
/// distances in this frame are distances on the ground.
/// </summary>
public sealed class LocalProjection(double originLatitude, double originLongitude)
{
    private readonly double _metresPerDegreeLat = Geo.EarthRadiusMetres * Math.PI / 180;
    private readonly double _metresPerDegreeLon = Geo.EarthRadiusMetres * Math.PI / 180 * Math.Cos(originLatitude * Math.PI / 180);

    public Coordinate Project(double latitude, double longitude)
        => new((longitude - originLongitude) * _metresPerDegreeLon, (latitude - originLatitude) * _metresPerDegreeLat);

    public Geometry Project(Geometry geometry)
    {
        var copy = geometry.Copy();
        copy.Apply(new ProjectFilter(this));
        copy.GeometryChanged();
        return copy;
    }

    /// <summary>Degrees of latitude and of longitude that a distance in metres covers at the origin (for envelopes).</summary>
    public (double Lat, double Lon) Degrees(double metres) => (metres / _metresPerDegreeLat, metres / _metresPerDegreeLon);

    private sealed class ProjectFilter(LocalProjection projection) : ICoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            var projected = projection.Project(seq.GetY(i), seq.GetX(i));
            seq.SetX(i, projected.X);
            seq.SetY(i, projected.Y);
        }
    }
}
