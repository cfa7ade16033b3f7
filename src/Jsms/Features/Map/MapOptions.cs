namespace Jsms.Features.Map;

/// <summary><c>Jsms:Map</c>: where the base map comes from (docs/map.md).</summary>
internal sealed class MapOptions
{
    public const string Section = "Jsms:Map";

    /// <summary>Path of an MBTiles file (raster png/jpg/webp or vector pbf) that JSMS serves at <c>/map/tiles/{z}/{x}/{y}</c>.</summary>
    public string? Tiles { get; set; }

    /// <summary>The agency's own tile server, a URL template with <c>{z}</c>, <c>{x}</c>, <c>{y}</c>; the browser uses it directly.</summary>
    public string? TileUrl { get; set; }

    /// <summary>What <see cref="TileUrl"/> serves: <c>png</c>/<c>jpg</c> (raster, the default) or <c>pbf</c> (vector).</summary>
    public string? TileFormat { get; set; }

    /// <summary>Attribution shown on the map for <see cref="TileUrl"/>.</summary>
    public string? Attribution { get; set; }

    /// <summary>
    /// With the demo and neither <see cref="Tiles"/> nor <see cref="TileUrl"/> set, build the demo base map into
    /// <c>{DataDirectory}/basemap.mbtiles</c> at first start (in the background) and serve it.
    /// </summary>
    public bool DemoBaseMap { get; set; } = true;
}
