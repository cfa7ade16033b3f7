using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Jsms.Features.Map;

/// <summary>
/// One MBTiles file opened read-only (pooled connections, so concurrent requests each read on their own): its
/// metadata read once, tiles by XYZ address (MBTiles rows count from the south, TMS).
/// </summary>
internal sealed class MbTiles
{
    private readonly string _connectionString;

    private MbTiles(string path, string connectionString, IReadOnlyDictionary<string, string> metadata)
    {
        Path = path;
        _connectionString = connectionString;
        Metadata = metadata;
        Format = metadata.TryGetValue("format", out var f) ? f.Trim().ToLowerInvariant() : "png";
        MinZoom = Int(metadata, "minzoom", 0);
        MaxZoom = Int(metadata, "maxzoom", 22);
        Bounds = metadata.TryGetValue("bounds", out var b) && Doubles(b) is { Length: 4 } d ? d : [-180, -85.0511, 180, 85.0511];
        Attribution = metadata.GetValueOrDefault("attribution") ?? "";
        Name = metadata.GetValueOrDefault("name") ?? System.IO.Path.GetFileNameWithoutExtension(path);
    }

    public string Path { get; }

    public IReadOnlyDictionary<string, string> Metadata { get; }

    public string Format { get; }

    public bool IsVector => Format is "pbf" or "mvt";

    public int MinZoom { get; }

    public int MaxZoom { get; }

    public double[] Bounds { get; }

    public string Attribution { get; }

    public string Name { get; }

    public string ContentType => Format switch
    {
        "pbf" or "mvt" => "application/vnd.mapbox-vector-tile",
        "jpg" or "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        _ => "image/png",
    };

    /// <summary>Opens the file; throws <see cref="SqliteException"/> when it is not an MBTiles file.</summary>
    public static MbTiles Open(string path)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = System.IO.Path.GetFullPath(path),
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = true,
        }.ToString();
        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, value FROM metadata";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (!reader.IsDBNull(0) && !reader.IsDBNull(1))
            {
                metadata[reader.GetString(0)] = reader.GetString(1);
            }
        }
        return new MbTiles(path, connectionString, metadata);
    }

    /// <summary>The stored bytes of tile (z, x, y) in XYZ numbering, or null.</summary>
    public async Task<byte[]?> ReadAsync(int z, int x, int y, CancellationToken cancellationToken)
    {
        if (z < 0 || z > 30 || x < 0 || y < 0 || x >= 1 << z || y >= 1 << z)
        {
            return null;
        }
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT tile_data FROM tiles WHERE zoom_level = $z AND tile_column = $x AND tile_row = $y";
        command.Parameters.AddWithValue("$z", z);
        command.Parameters.AddWithValue("$x", x);
        command.Parameters.AddWithValue("$y", (1 << z) - 1 - y);
        return await command.ExecuteScalarAsync(cancellationToken) as byte[];
    }

    private static int Int(IReadOnlyDictionary<string, string> metadata, string key, int fallback)
        => metadata.TryGetValue(key, out var v) && int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : fallback;

    private static double[]? Doubles(string text)
    {
        var parts = text.Split(',');
        var result = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out result[i]))
            {
                return null;
            }
        }
        return result;
    }
}
