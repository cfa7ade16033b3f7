using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Jsms.Features.Map;

/// <summary>The base map's tiles from the configured MBTiles file, for signed-in users (docs/map.md).</summary>
internal static class MapEndpoints
{
    /// <summary>Tiles change only when the operator replaces the file: a day in the browser's private cache.</summary>
    private const string CacheControl = "private, max-age=86400";

    public static async Task<Results<FileContentHttpResult, NotFound>> GetTile(int z, int x, int y, BaseMap baseMap, HttpContext context)
    {
        var tiles = baseMap.Tiles;
        if (tiles is null || await tiles.ReadAsync(z, x, y, context.RequestAborted) is not { } data)
        {
            return TypedResults.NotFound();
        }
        var headers = context.Response.Headers;
        headers.CacheControl = CacheControl;
        // Vector tiles are usually stored gzipped in MBTiles: sent as they are, the browser inflates them.
        if (tiles.IsVector && data.Length > 2 && data[0] == 0x1f && data[1] == 0x8b)
        {
            headers.ContentEncoding = "gzip";
        }
        headers[HeaderNames.Vary] = "Cookie, Authorization";
        return TypedResults.File(data, tiles.ContentType);
    }

    public static Results<Ok<TileJsonDto>, NotFound> GetTileJson(BaseMap baseMap, HttpContext context)
    {
        if (baseMap.Tiles is not { } tiles)
        {
            return TypedResults.NotFound();
        }
        context.Response.Headers.CacheControl = "private, no-cache";
        return TypedResults.Ok(new TileJsonDto("3.0.0", tiles.Name, tiles.IsVector ? "pbf" : tiles.Format, ["/map/tiles/{z}/{x}/{y}"],
            tiles.Bounds, tiles.MinZoom, tiles.MaxZoom, tiles.Attribution));
    }
}
