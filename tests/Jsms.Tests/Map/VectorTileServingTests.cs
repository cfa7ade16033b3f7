using System.Net;
using Jsms.Tests.Infrastructure;

namespace Jsms.Tests.Map;

/// <summary>/map/tiles from a vector MBTiles file: gzipped protobuf sent as stored, with its encoding named.</summary>
public sealed class VectorTileServingTests(VectorTilesApp app) : IClassFixture<VectorTilesApp>
{
    [Fact]
    public async Task A_gzipped_vector_tile_is_sent_as_stored_with_its_encoding_and_type()
    {
        using var raw = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = app.BaseAddress };
        using var token = await app.LoginAs("pk.analyst");
        raw.DefaultRequestHeaders.Authorization = token.DefaultRequestHeaders.Authorization;
        // TMS row 2 of zoom 2 is XYZ row 1.
        var response = await raw.GetAsync("/map/tiles/2/2/1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.mapbox-vector-tile", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
        Assert.Equal(VectorTilesApp.Tile, MbTilesFile.Gunzip(await response.Content.ReadAsByteArrayAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await raw.GetAsync("/map/tiles/2/2/2")).StatusCode);
        Assert.Contains("\"format\":\"pbf\"", await token.GetStringAsync("/map/tiles.json"), StringComparison.Ordinal);
    }
}
