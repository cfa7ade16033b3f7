using System.IO.Compression;
using Microsoft.Data.Sqlite;

namespace Jsms.Tests.Map;

/// <summary>Small MBTiles files made by the tests: a metadata table and tiles addressed by TMS row.</summary>
internal static class MbTilesFile
{
    public static string Create(string format, IEnumerable<(int Z, int X, int TmsRow, byte[] Data)> tiles, string attribution = "Test data")
    {
        var path = Path.Combine(Path.GetTempPath(), "jsms-tests", "tiles-" + Guid.NewGuid().ToString("N") + ".mbtiles");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE metadata (name TEXT, value TEXT); CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);";
            create.ExecuteNonQuery();
        }
        foreach (var (name, value) in new[] { ("name", "test"), ("format", format), ("minzoom", "0"), ("maxzoom", "3"), ("bounds", "60,20,80,40"), ("attribution", attribution) })
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO metadata VALUES ($n, $v)";
            insert.Parameters.AddWithValue("$n", name);
            insert.Parameters.AddWithValue("$v", value);
            insert.ExecuteNonQuery();
        }
        foreach (var (z, x, row, data) in tiles)
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO tiles VALUES ($z, $x, $y, $d)";
            insert.Parameters.AddWithValue("$z", z);
            insert.Parameters.AddWithValue("$x", x);
            insert.Parameters.AddWithValue("$y", row);
            insert.Parameters.AddWithValue("$d", data);
            insert.ExecuteNonQuery();
        }
        return path;
    }

    public static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(data);
        }
        return output.ToArray();
    }

    public static byte[] Gunzip(byte[] data)
    {
        using var input = new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
