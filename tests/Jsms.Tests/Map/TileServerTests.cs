using System.Net;
using Jsms.Tests.Infrastructure;

namespace Jsms.Tests.Map;

/// <summary>With the agency's own tile server configured, the pages use its URL template and may load from it.</summary>
public sealed class TileServerTests(TileServerApp app) : IClassFixture<TileServerApp>
{
    [Fact]
    public async Task The_map_uses_the_configured_tile_server_and_the_page_policy_allows_it()
    {
        using var session = await app.SignInWebAsync("pk.coordinator");
        var response = await session.Client.GetAsync("/Tracking/Map");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"data-url=\"{TileServerApp.Template}\" data-format=\"png\"", html, StringComparison.Ordinal);
        Assert.Contains("data-attribution=\"Agency tiles\"", html, StringComparison.Ordinal);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("img-src 'self' https://tiles.agency.example", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self' https://tiles.agency.example", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        // JSMS serves no tiles itself then.
        Assert.Equal(HttpStatusCode.NotFound, (await session.Client.GetAsync("/map/tiles.json")).StatusCode);
    }
}
