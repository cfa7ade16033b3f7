using Jsms.Features.Map;
using Microsoft.Data.Sqlite;

namespace Jsms.Tests.Map;

/// <summary>The demo base map's builder: vector tiles with land, borders and named places, at the zooms the map needs.</summary>
public sealed class BaseMapBuilderTests
{
    [Fact]
    public void The_built_base_map_names_Karachi_at_zoom_10_on_land()
    {
        // Small sources in the prepared layout: land around Karachi, a border, two places.
        var sources = Path.Combine(Path.GetTempPath(), "jsms-tests", "basemap-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(sources);
        var square = """{"type":"Polygon","coordinates":[[[66.5,24.7],[68.5,24.7],[68.5,26.5],[66.5,26.5],[66.5,24.7]]]}""";
        File.WriteAllText(Path.Combine(sources, "world-land.geojson"), $$"""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{{square}}}]}""");
        File.WriteAllText(Path.Combine(sources, "region-land.geojson"), $$"""{"type":"Feature","properties":{},"geometry":{{square}}}""");
        File.WriteAllText(Path.Combine(sources, "borders.geojson"), """{"type":"Feature","properties":{},"geometry":{"type":"MultiLineString","coordinates":[[[61,25],[62,30]]]}}""");
        File.WriteAllText(Path.Combine(sources, "places.json"), """[["Karachi",67.0104,24.8608,11624219,"PK"],["Malir Cantonment",67.1996,24.9414,30000,"PK"]]""");
        File.WriteAllText(Path.Combine(sources, "sources.json"), """{"region":{"west":60,"south":22,"east":78,"north":38},"attribution":"test sources"}""");
        var output = Path.Combine(sources, "out.mbtiles");

        var (count, _) = BaseMapBuilder.Load(sources).Build(output);

        // The world to zoom 6 (5,461 tiles) and the region's and Karachi's tiles below.
        Assert.True(count > 5461, $"{count} tiles");
        using var connection = new SqliteConnection($"Data Source={output};Mode=ReadOnly;Pooling=False");
        connection.Open();
        // Karachi (67.01 E, 24.86 N) at zoom 10 is tile x 702, y 438: TMS row 1023 - 438.
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT tile_data FROM tiles WHERE zoom_level = 10 AND tile_column = 702 AND tile_row = 585";
        var tile = MbTilesFile.Gunzip((byte[])command.ExecuteScalar()!);
        var layers = VectorTileReader.Layers(tile);
        Assert.Contains("Karachi", layers["places"].Strings);
        Assert.True(layers["land"].Features > 0);
        using var metadata = connection.CreateCommand();
        metadata.CommandText = "SELECT value FROM metadata WHERE name = 'format'";
        Assert.Equal("pbf", metadata.ExecuteScalar());
        metadata.CommandText = "SELECT value FROM metadata WHERE name = 'attribution'";
        Assert.Equal("test sources", metadata.ExecuteScalar());
        // The places a zoom shows grow with the zoom: Karachi from afar, the small town only close up.
        command.CommandText = "SELECT tile_data FROM tiles WHERE zoom_level = 4 AND tile_column = 10 AND tile_row = 15 - 6";
        var far = VectorTileReader.Layers(MbTilesFile.Gunzip((byte[])command.ExecuteScalar()!));
        Assert.Contains("Karachi", far["places"].Strings);
        Assert.DoesNotContain("Malir Cantonment", far["places"].Strings);
    }
}
