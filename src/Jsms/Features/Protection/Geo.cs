using System.Globalization;
using System.Text.Json;
using NetTopologySuite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Jsms.Features.Protection;

/// <summary>
/// GeoJSON (RFC 7946) to and from NetTopologySuite geometries in longitude/latitude degrees (SRID 4326). The library
/// (NetTopologySuite.IO.GeoJSON4STJ) reads and writes; this class adds what it leaves to its caller: a reason for each
/// refusal, coordinates finite and in range, rings closed with at least four positions, a valid polygon, a bounded
/// size, and two dimensions only (the PostGIS columns are 2D). Distances in metres use <see cref="LocalProjection"/>
/// (docs/decisions/0022-geometry-libraries.md).
/// </summary>
internal static class Geo
{
    public const double EarthRadiusMetres = 6_371_008.8;

    /// <summary>Most positions one perimeter or route may have: a site outline or a road route needs hundreds.</summary>
    public const int MaxPositions = 10_000;

    public static GeometryFactory Factory { get; } = NtsGeometryServices.Instance.CreateGeometryFactory(4326);

    /// <summary>GeoJSON as the library reads and writes it; ring orientation is kept as drawn.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        Converters = { new GeoJsonConverterFactory(Factory, false, GeoJsonConverterFactory.DefaultIdPropertyName, RingOrientationOption.DoNotModify) },
    };

    /// <summary>Reads a Polygon (or a Feature whose geometry is a Polygon); null and a reason when it is not a valid one.</summary>
    public static (Polygon? Polygon, string? Problem) ReadPolygon(JsonElement json)
    {
        var geometry = Unwrap(json);
        if (TypeOf(geometry) != "Polygon")
        {
            return (null, "must be a GeoJSON Polygon (or a Feature with a Polygon geometry).");
        }
        if (!geometry.TryGetProperty("coordinates", out var rings) || rings.ValueKind != JsonValueKind.Array || rings.GetArrayLength() == 0)
        {
            return (null, "a Polygon needs 'coordinates': an array of linear rings.");
        }
        // The library refuses an open ring with a bare ArgumentException and accepts a closed one of three positions.
        foreach (var ring in rings.EnumerateArray())
        {
            if (ring.ValueKind != JsonValueKind.Array || ring.GetArrayLength() < 4 || !Closes(ring))
            {
                return (null, "each ring needs at least 4 positions and must end where it starts.");
            }
        }
        var (read, problem) = Read(geometry, "Polygon");
        if (read is not Polygon polygon)
        {
            return (null, problem);
        }
        var flat = Factory.CreatePolygon(Ring(polygon.Shell), [.. polygon.Holes.Select(Ring)]);
        return flat.IsValid ? (flat, null) : (null, "the polygon is not valid (self-intersecting or degenerate).");
    }

    /// <summary>Reads a LineString (or a Feature with one) with at least two positions.</summary>
    public static (LineString? Line, string? Problem) ReadLineString(JsonElement json)
    {
        var geometry = Unwrap(json);
        if (TypeOf(geometry) != "LineString")
        {
            return (null, "must be a GeoJSON LineString (or a Feature with a LineString geometry).");
        }
        if (!geometry.TryGetProperty("coordinates", out var positions))
        {
            return (null, "a LineString needs 'coordinates'.");
        }
        if (positions.ValueKind == JsonValueKind.Array && positions.GetArrayLength() < 2)
        {
            return (null, "a LineString needs at least 2 positions.");
        }
        var (read, problem) = Read(geometry, "LineString");
        return read is LineString line ? (Factory.CreateLineString(Flat(line.Coordinates)), null) : (null, problem);
    }

    public static bool IsLatitude(double value) => double.IsFinite(value) && value is >= -90 and <= 90;

    public static bool IsLongitude(double value) => double.IsFinite(value) && value is >= -180 and <= 180;

    /// <summary>The GeoJSON text of a geometry (longitude first).</summary>
    public static string Write(Geometry geometry) => JsonSerializer.Serialize(geometry, JsonOptions);

    /// <summary>The GeoJSON of a geometry as a JSON value, for responses that carry it inside other JSON.</summary>
    public static JsonElement ToJson(Geometry geometry) => JsonSerializer.SerializeToElement(geometry, JsonOptions);

    /// <summary>
    /// GeoJSON text this application wrote itself (a SQLite column, the demo's constants) as a geometry; it was checked
    /// when first read, so a text that is not a <typeparamref name="T"/> is a bug, not bad input.
    /// </summary>
    public static T Parse<T>(string geoJson) where T : Geometry
        => JsonSerializer.Deserialize<Geometry>(geoJson, JsonOptions) as T
           ?? throw new FormatException($"The stored geometry is not a GeoJSON {typeof(T).Name}.");

    public static Point Point(double latitude, double longitude) => Factory.CreatePoint(new Coordinate(longitude, latitude));

    /// <summary>
    /// Metres from a point to the nearest part of a geometry (0 inside a polygon), measured in a local projection
    /// centred on the point: within the tens of kilometres a site search covers the error stays under one percent.
    /// </summary>
    public static double DistanceMetres(Geometry geometry, double latitude, double longitude)
        => new LocalProjection(latitude, longitude).Project(geometry).Distance(Factory.CreatePoint(new Coordinate(0, 0)));

    /// <summary>
    /// A distance in degrees (Euclidean, longitude and latitude alike) that every point within <paramref name="metres"/>
    /// of a point at <paramref name="latitude"/> lies within: a degree of longitude is shortest at the highest latitude
    /// reached. Lets a geometry index narrow a search that is then measured exactly.
    /// </summary>
    public static double DegreesCovering(double latitude, double metres)
    {
        var metresPerDegree = EarthRadiusMetres * Math.PI / 180;
        var highest = Math.Min(90, Math.Abs(latitude) + metres / metresPerDegree);
        var cos = Math.Cos(highest * Math.PI / 180);
        // 1 % for the spheroid's metres against the sphere's.
        return cos < 0.01 ? 360 : metres / (metresPerDegree * cos) * 1.01;
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

    /// <summary>The library's reading, then the checks it does not make.</summary>
    private static (Geometry? Geometry, string? Problem) Read(JsonElement geometry, string type)
    {
        Geometry? read;
        try
        {
            read = geometry.Deserialize<Geometry>(JsonOptions);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or FormatException)
        {
            return (null, $"is not a readable GeoJSON {type}: each position must be [longitude, latitude] in degrees.");
        }
        if (read is null || read.IsEmpty)
        {
            return (null, $"is not a readable GeoJSON {type}.");
        }
        var coordinates = read.Coordinates;
        if (coordinates.Length > MaxPositions)
        {
            return (null, $"has {coordinates.Length} positions; at most {MaxPositions} are accepted.");
        }
        foreach (var c in coordinates)
        {
            if (!double.IsFinite(c.X) || !double.IsFinite(c.Y))
            {
                return (null, "each position must be finite numbers [longitude, latitude].");
            }
            if (!IsLongitude(c.X) || !IsLatitude(c.Y))
            {
                return (null, $"position [{c.X.ToString(CultureInfo.InvariantCulture)}, {c.Y.ToString(CultureInfo.InvariantCulture)}] is out of range (longitude first).");
            }
        }
        return (read, null);
    }

    private static JsonElement Unwrap(JsonElement json)
        => TypeOf(json) == "Feature" && json.TryGetProperty("geometry", out var g) ? g : json;

    private static string? TypeOf(JsonElement json)
        => json.ValueKind == JsonValueKind.Object && json.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;

    private static bool Closes(JsonElement ring)
    {
        var (first, last) = (ring[0], ring[ring.GetArrayLength() - 1]);
        return !(XY(first) is { } a && XY(last) is { } b) || a == b;
    }

    /// <summary>A position's longitude and latitude, or null when it is not numbers (the library then refuses it).</summary>
    private static (double, double)? XY(JsonElement position)
        => position.ValueKind == JsonValueKind.Array && position.GetArrayLength() >= 2
           && position[0].ValueKind == JsonValueKind.Number && position[1].ValueKind == JsonValueKind.Number
           && position[0].TryGetDouble(out var x) && position[1].TryGetDouble(out var y) ? (x, y) : null;

    private static LinearRing Ring(LineString ring) => Factory.CreateLinearRing(Flat(ring.Coordinates));

    private static Coordinate[] Flat(Coordinate[] coordinates) => [.. coordinates.Select(c => new Coordinate(c.X, c.Y))];
}
