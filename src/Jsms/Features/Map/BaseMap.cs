using Jsms.Platform;
using Microsoft.Extensions.Options;

namespace Jsms.Features.Map;

/// <summary>
/// Where the base map comes from, one per application: the operator's MBTiles file (<c>Jsms:Map:Tiles</c>), the agency's
/// tile server (<c>Jsms:Map:TileUrl</c>), or, with the demo and neither set, the demo base map built once beside the
/// application from its prepared sources (<see cref="DemoBaseMapBuilder"/>). The file is opened at first use.
/// </summary>
internal sealed class BaseMap(IOptions<MapOptions> options, IOptions<JsmsOptions> jsms, ILogger<BaseMap> logger)
{
    private readonly Lock _lock = new();
    private MbTiles? _tiles;
    private string? _failedPath;

    public MapOptions Options => options.Value;

    public string? TileUrl => string.IsNullOrWhiteSpace(Options.TileUrl) ? null : Options.TileUrl.Trim();

    /// <summary>The demo base map is used (and built when missing).</summary>
    public bool UsesDemoBaseMap => jsms.Value.Demo && Options.DemoBaseMap && string.IsNullOrWhiteSpace(Options.Tiles) && TileUrl is null;

    /// <summary>The demo base map's file: beside the application, so every start and every test app shares one build.</summary>
    public static string DemoPath => Path.Combine(BaseMapBuilder.DefaultSources, "basemap.mbtiles");

    private string? TilesPath => !string.IsNullOrWhiteSpace(Options.Tiles) ? Options.Tiles.Trim() : UsesDemoBaseMap ? DemoPath : null;

    /// <summary>The served MBTiles file, or null when none is configured or it cannot be read (said once in the log).</summary>
    public MbTiles? Tiles
    {
        get
        {
            var path = TilesPath;
            if (path is null) { return null; }
            lock (_lock)
            {
                if (_tiles is not null && _tiles.Path == path) { return _tiles; }
                if (!File.Exists(path))
                {
                    return null;
                }
                try
                {
                    return _tiles = MbTiles.Open(path);
                }
                catch (Microsoft.Data.Sqlite.SqliteException e)
                {
                    if (_failedPath != path)
                    {
                        logger.LogError("The map tiles file {Path} cannot be read as MBTiles: {Message}", path, e.Message);
                        _failedPath = path;
                    }
                    return null;
                }
            }
        }
    }

    /// <summary>
    /// What the pages put on the map element: the tile URL template, its kind, zooms, attribution, and the areas the
    /// file covers deeper than its whole-world zooms ("west,south,east,north,maxZoom" separated by ";"). A browser
    /// over-zooms each area's deepest tiles, so a zoom past them still shows land and place names instead of nothing.
    /// </summary>
    public (string? Url, string Format, int MaxZoom, string Attribution, string Areas) ForPages()
    {
        if (TileUrl is { } url)
        {
            return (url, (Options.TileFormat ?? "png").ToLowerInvariant(), 19, Options.Attribution ?? "", "");
        }
        if (Tiles is { } tiles)
        {
            var (maxZoom, areas) = tiles.Name == BaseMapBuilder.Name ? (BaseMapBuilder.WorldMaxZoom, BaseMapBuilder.Areas) : (tiles.MaxZoom, "");
            return ("/map/tiles/{z}/{x}/{y}", tiles.IsVector ? "pbf" : tiles.Format, maxZoom, tiles.Attribution, areas);
        }
        return (null, "", 0, "", "");
    }
}
