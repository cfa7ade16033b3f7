using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.Simplify;

namespace Jsms.Features.Map;

/// <summary>
/// Builds the demo base map: vector tiles (layers land, borders, places) in an MBTiles file, from the sources that
/// scripts/prepare-basemap-sources.mjs takes out of npm packages (docs/map.md). The world at zooms 0-6; the demo
/// region (Pakistan and its neighbours' border areas) to zoom 10; Karachi and its surroundings to zoom 12.
/// Geometry is projected once to Web Mercator in a unit square (y down) and each tile clips its parent's pieces, so a
/// tile deep down handles only a few vertices.
/// </summary>
internal sealed class BaseMapBuilder
{
    public const int WorldMaxZoom = 6;
    public const int RegionMaxZoom = 10;
    public const int MaxZoom = 12;
    private const int Extent = 4096;
    private const double Buffer = 64.0 / Extent;

    /// <summary>Pakistan and its neighbours' border areas (the same numbers as the preparing script).</summary>
    public static readonly (double West, double South, double East, double North) Region = (60, 22, 78, 38);

    /// <summary>Karachi and the demo sites' surroundings, to street-level zoom.</summary>
    public static readonly (double West, double South, double East, double North) Detail = (66.6, 24.6, 67.7, 25.3);

    /// <summary>The file's name in its metadata, which tells the pages it has the demo's areas.</summary>
    public const string Name = "JSMS demo base map";

    /// <summary>The areas deeper than the world's zooms, for the pages (<see cref="BaseMap.ForPages"/>).</summary>
    public static string Areas => FormattableString.Invariant(
        $"{Region.West},{Region.South},{Region.East},{Region.North},{RegionMaxZoom};{Detail.West},{Detail.South},{Detail.East},{Detail.North},{MaxZoom}");

    private static readonly GeometryFactory Factory = new();

    private readonly List<Polygon> _worldLand;
    private readonly List<Polygon> _regionLand;
    private readonly List<LineString> _borders;
    private readonly List<(Point Point, string Name, int Population, string Country)> _places;
    private readonly string _attribution;

    private BaseMapBuilder(List<Polygon> worldLand, List<Polygon> regionLand, List<LineString> borders,
        List<(Point, string, int, string)> places, string attribution)
    {
        _worldLand = worldLand;
        _regionLand = regionLand;
        _borders = borders;
        _places = places;
        _attribution = attribution;
    }

    /// <summary>The folder the build copies the prepared sources into.</summary>
    public static string DefaultSources => Path.Combine(AppContext.BaseDirectory, "basemap");

    public static bool SourcesExist(string folder) => File.Exists(Path.Combine(folder, "sources.json"));

    public static BaseMapBuilder Load(string folder)
    {
        if (!SourcesExist(folder))
        {
            throw new FileNotFoundException($"The base map's sources are not in {folder}: build the project (it runs scripts/prepare-basemap-sources.mjs).");
        }
        // Simplified once at the finest zoom each source is shown at: a quarter of a pixel of a 256-pixel tile.
        var world = Simplify(ReadPolygons(Path.Combine(folder, "world-land.geojson")), WorldMaxZoom);
        var region = Simplify(ReadPolygons(Path.Combine(folder, "region-land.geojson")), MaxZoom);
        var borders = ReadLines(Path.Combine(folder, "borders.geojson"))
            .Select(l => Simplified(l, Tolerance(WorldMaxZoom))).OfType<LineString>().ToList();
        var places = new List<(Point, string, int, string)>();
        using (var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "places.json"))))
        {
            foreach (var p in json.RootElement.EnumerateArray())
            {
                var c = Project(p[1].GetDouble(), p[2].GetDouble());
                places.Add((Factory.CreatePoint(c), p[0].GetString() ?? "", p[3].GetInt32(), p[4].GetString() ?? ""));
            }
        }
        using var sources = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "sources.json")));
        var attribution = sources.RootElement.GetProperty("attribution").GetString() ?? "";
        return new BaseMapBuilder(world, region, borders, places, attribution);
    }

    /// <summary>Writes the MBTiles file (replacing it once complete); returns the number of tiles and the time taken.</summary>
    public (int Tiles, TimeSpan Elapsed) Build(string path, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".part";
        File.Delete(temporary);
        var count = 0;
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = temporary, Pooling = false }.ToString()))
        {
            connection.Open();
            Execute(connection, "CREATE TABLE metadata (name TEXT, value TEXT); CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB); CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row);");
            using var transaction = connection.BeginTransaction();
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO tiles VALUES ($z, $x, $y, $data)";
            var pz = insert.Parameters.Add("$z", SqliteType.Integer);
            var px = insert.Parameters.Add("$x", SqliteType.Integer);
            var py = insert.Parameters.Add("$y", SqliteType.Integer);
            var pdata = insert.Parameters.Add("$data", SqliteType.Blob);
            void Write(int z, int x, int y, byte[] data)
            {
                cancellationToken.ThrowIfCancellationRequested();
                pz.Value = z;
                px.Value = x;
                py.Value = (1 << z) - 1 - y; // MBTiles rows count from the south (TMS)
                pdata.Value = Gzip(data);
                insert.ExecuteNonQuery();
                count++;
            }
            Tile(0, 0, 0, _worldLand.Cast<Geometry>().ToList(), _borders.Cast<Geometry>().ToList(), Write);
            var metadata = new Dictionary<string, string>
            {
                ["name"] = Name,
                ["format"] = "pbf",
                ["type"] = "baselayer",
                ["minzoom"] = "0",
                ["maxzoom"] = MaxZoom.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["bounds"] = "-180,-85.0511,180,85.0511",
                ["center"] = "67.1,24.9,10",
                ["attribution"] = _attribution,
                ["description"] = $"World to zoom {WorldMaxZoom}; {Region} to zoom {RegionMaxZoom}; {Detail} to zoom {MaxZoom}.",
                ["json"] = """{"vector_layers":[{"id":"land","fields":{}},{"id":"borders","fields":{}},{"id":"places","fields":{"name":"String","population":"Number","rank":"Number"}}]}""",
            };
            using var meta = connection.CreateCommand();
            meta.CommandText = "INSERT INTO metadata VALUES ($name, $value)";
            var name = meta.Parameters.Add("$name", SqliteType.Text);
            var value = meta.Parameters.Add("$value", SqliteType.Text);
            foreach (var (k, v) in metadata)
            {
                name.Value = k;
                value.Value = v;
                meta.ExecuteNonQuery();
            }
            transaction.Commit();
        }
        File.Move(temporary, path, overwrite: true);
        return (count, watch.Elapsed);
    }

    private void Tile(int z, int x, int y, List<Geometry> land, List<Geometry> borders, Action<int, int, int, byte[]> write)
    {
        var size = 1.0 / (1 << z);
        var clip = new Envelope((x - Buffer) * size, (x + 1 + Buffer) * size, (y - Buffer) * size, (y + 1 + Buffer) * size);
        // Past the world's zooms the region's detailed land takes over from the world's.
        if (z == WorldMaxZoom + 1)
        {
            land = _regionLand.Cast<Geometry>().ToList();
        }
        land = TileClip.Clip(land, clip);
        borders = TileClip.Clip(borders, clip);
        var tile = new VectorTileEncoder(Extent);
        var tolerance = Tolerance(z);
        foreach (var g in land)
        {
            var simple = z < MaxZoom ? Simplified(g, tolerance) : g;
            if (!simple.IsEmpty) { tile.Add("land", ToTile(simple, x, y, size), []); }
        }
        foreach (var g in borders)
        {
            var simple = Simplified(g, tolerance);
            if (!simple.IsEmpty) { tile.Add("borders", ToTile(simple, x, y, size), []); }
        }
        var minimum = MinimumPopulation(z);
        foreach (var (point, name, population, country) in _places)
        {
            if (population < minimum) { break; } // sorted, largest first
            if (point.X >= x * size && point.X < (x + 1) * size && point.Y >= y * size && point.Y < (y + 1) * size)
            {
                tile.Add("places", ToTile(point, x, y, size), [new("name", name), new("population", population), new("rank", Rank(population)), new("country", country)]);
            }
        }
        write(z, x, y, tile.ToArray());
        if (z >= MaxZoom)
        {
            return;
        }
        for (var dy = 0; dy < 2; dy++)
        {
            for (var dx = 0; dx < 2; dx++)
            {
                int cx = x * 2 + dx, cy = y * 2 + dy, cz = z + 1;
                if (Covers(cz, cx, cy))
                {
                    Tile(cz, cx, cy, land, borders, write);
                }
            }
        }
    }

    /// <summary>Whether tile (z, x, y) is in the base map: every tile to the world's zoom, then the region's and the detail's.</summary>
    public static bool Covers(int z, int x, int y)
    {
        if (z <= WorldMaxZoom) { return true; }
        var box = z <= RegionMaxZoom ? Region : Detail;
        var size = 1.0 / (1 << z);
        var west = Project(box.West, box.North);
        var east = Project(box.East, box.South);
        return (x + 1) * size > west.X && x * size < east.X && (y + 1) * size > west.Y && y * size < east.Y;
    }

    private static Geometry ToTile(Geometry geometry, int x, int y, double size)
    {
        var copy = geometry.Copy();
        copy.Apply(new TileTransform(x * size, y * size, Extent / size));
        return copy;
    }

    private sealed class TileTransform(double left, double top, double scale) : ICoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            seq.SetX(i, (seq.GetX(i) - left) * scale);
            seq.SetY(i, (seq.GetY(i) - top) * scale);
        }
    }

    /// <summary>Which places a zoom shows: the largest towns first, every town of the region from zoom 10.</summary>
    internal static int MinimumPopulation(int z) => z switch
    {
        <= 2 => 5_000_000,
        3 => 2_000_000,
        4 => 1_000_000,
        5 => 500_000,
        6 => 300_000,
        7 => 100_000,
        8 => 50_000,
        9 => 20_000,
        _ => 0,
    };

    private static int Rank(int population) => population switch
    {
        >= 5_000_000 => 1,
        >= 1_000_000 => 2,
        >= 300_000 => 3,
        >= 100_000 => 4,
        >= 20_000 => 5,
        _ => 6,
    };

    // Without the topology repair (a buffer of every polygon): slow on a continent, and renderers fill what they get.
    private static Geometry Simplified(Geometry g, double tolerance)
        => new DouglasPeuckerSimplifier(g) { DistanceTolerance = tolerance, EnsureValidTopology = false }.GetResultGeometry();

    private static double Tolerance(int z) => 1.0 / (1 << z) / 1024;

    /// <summary>Longitude and latitude to Web Mercator in the unit square, y down (latitudes past ±85.05° clamped).</summary>
    public static Coordinate Project(double lon, double lat)
    {
        lat = Math.Clamp(lat, -85.0511, 85.0511);
        var sin = Math.Sin(lat * Math.PI / 180);
        return new Coordinate((lon + 180) / 360, 0.5 - Math.Log((1 + sin) / (1 - sin)) / (4 * Math.PI));
    }

    private static List<Polygon> Simplify(List<Polygon> polygons, int zoom)
    {
        var tolerance = Tolerance(zoom);
        var result = new List<Polygon>();
        foreach (var p in polygons)
        {
            var simple = Simplified(p, tolerance);
            for (var i = 0; i < simple.NumGeometries; i++)
            {
                if (simple.GetGeometryN(i) is Polygon part && !part.IsEmpty) { result.Add(part); }
            }
        }
        return result;
    }

    private static List<Polygon> ReadPolygons(string path)
    {
        var result = new List<Polygon>();
        using var json = JsonDocument.Parse(File.ReadAllBytes(path));
        foreach (var geometry in Geometries(json.RootElement))
        {
            var type = geometry.GetProperty("type").GetString();
            var coordinates = geometry.GetProperty("coordinates");
            if (type == "Polygon") { result.Add(Polygon(coordinates)); }
            if (type == "MultiPolygon") { result.AddRange(coordinates.EnumerateArray().Select(Polygon)); }
        }
        return result;
    }

    private static List<LineString> ReadLines(string path)
    {
        var result = new List<LineString>();
        using var json = JsonDocument.Parse(File.ReadAllBytes(path));
        foreach (var geometry in Geometries(json.RootElement))
        {
            var type = geometry.GetProperty("type").GetString();
            var coordinates = geometry.GetProperty("coordinates");
            if (type == "LineString") { result.Add(Factory.CreateLineString(Positions(coordinates))); }
            if (type == "MultiLineString") { result.AddRange(coordinates.EnumerateArray().Select(l => Factory.CreateLineString(Positions(l)))); }
        }
        return result;
    }

    private static List<JsonElement> Geometries(JsonElement root) => root.GetProperty("type").GetString() switch
    {
        "FeatureCollection" => root.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("geometry")).ToList(),
        "Feature" => [root.GetProperty("geometry")],
        _ => [root],
    };

    private static Polygon Polygon(JsonElement rings)
    {
        var all = rings.EnumerateArray().Select(r => Factory.CreateLinearRing(Closed(Positions(r)))).ToList();
        return Factory.CreatePolygon(all[0], [.. all.Skip(1)]);
    }

    private static Coordinate[] Closed(Coordinate[] ring)
        => ring.Length > 0 && !ring[0].Equals2D(ring[^1]) ? [.. ring, ring[0]] : ring;

    private static Coordinate[] Positions(JsonElement positions)
        => [.. positions.EnumerateArray().Select(p => Project(p[0].GetDouble(), p[1].GetDouble()))];

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
        {
            gzip.Write(data);
        }
        return output.ToArray();
    }
}
