using System.Net;
using System.Text.Json;
using Jsms.Tests.Infrastructure;

namespace Jsms.Tests.Map;

/// <summary>/map/tiles from an operator's raster MBTiles file: XYZ addresses over TMS rows, image type, cache, sign-in.</summary>
public sealed class RasterTileServingTests(RasterTilesApp app) : IClassFixture<RasterTilesApp>
{
    [Fact]
    public async Task A_raster_tile_is_served_at_its_xyz_address_with_its_image_type_and_cache_headers()
    {
        using var session = await app.SignInWebAsync("pk.coordinator");
        // Stored at TMS row 0 of zoom 1, which counts from the south: XYZ row 1.
        var response = await session.Client.GetAsync("/map/tiles/1/0/1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(RasterTilesApp.Png, await response.Content.ReadAsByteArrayAsync());
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Equal(TimeSpan.FromDays(1), response.Headers.CacheControl!.MaxAge);
        Assert.True(response.Headers.CacheControl.Private);
    }

    [Fact]
    public async Task A_missing_tile_answers_404()
    {
        using var session = await app.SignInWebAsync("pk.coordinator");
        Assert.Equal(HttpStatusCode.NotFound, (await session.Client.GetAsync("/map/tiles/1/0/0")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await session.Client.GetAsync("/map/tiles/1/5/0")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await session.Client.GetAsync("/map/tiles/40/0/0")).StatusCode);
    }

    [Fact]
    public async Task Tiles_and_their_description_are_for_signed_in_users_only()
    {
        using var anonymous = app.Anonymous();
        foreach (var url in new[] { "/map/tiles/1/0/1", "/map/tiles.json" })
        {
            var response = await anonymous.GetAsync(url);
            // A browser is sent to the login page, an API client is refused: either way no tile.
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized || response.RequestMessage!.RequestUri!.AbsolutePath == "/Accounts/Login",
                $"{url}: {response.StatusCode} {response.RequestMessage!.RequestUri}");
            Assert.NotEqual(RasterTilesApp.Png, await response.Content.ReadAsByteArrayAsync());
        }
        using var token = await app.LoginAs("pk.analyst");
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/map/tiles/1/0/1")).StatusCode);
    }

    [Fact]
    public async Task The_tile_description_names_format_bounds_zooms_and_attribution()
    {
        using var client = await app.LoginAs("pk.analyst");
        using var json = JsonDocument.Parse(await client.GetStringAsync("/map/tiles.json"));
        var root = json.RootElement;
        Assert.Equal("png", root.GetProperty("format").GetString());
        Assert.Equal([60.0, 20.0, 80.0, 40.0], root.GetProperty("bounds").EnumerateArray().Select(b => b.GetDouble()));
        Assert.Equal(0, root.GetProperty("minZoom").GetInt32());
        Assert.Equal(3, root.GetProperty("maxZoom").GetInt32());
        Assert.Equal("Raster test data", root.GetProperty("attribution").GetString());
        Assert.Equal("/map/tiles/{z}/{x}/{y}", root.GetProperty("tiles")[0].GetString());
    }

    [Fact]
    public async Task The_map_pages_draw_the_served_tiles()
    {
        using var session = await app.SignInWebAsync("pk.coordinator");
        foreach (var page in new[] { "/Tracking/Map", "/Protection/Site", "/Tracking/Sensor" })
        {
            var html = await session.Client.GetStringAsync(page);
            Assert.Contains("data-url=\"/map/tiles/{z}/{x}/{y}\" data-format=\"png\" data-max-zoom=\"3\" data-attribution=\"Raster test data\"", html, StringComparison.Ordinal);
        }
    }
}
