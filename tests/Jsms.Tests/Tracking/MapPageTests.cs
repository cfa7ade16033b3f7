using System.Net;
using Jsms.Tests.Infrastructure;

namespace Jsms.Tests.Tracking;

/// <summary>/Tracking/Map: the page, its scripts and the offline country outlines are served; the stream it opens works with a cookie session.</summary>
public sealed class MapPageTests(JsmsTestApp app) : IClassFixture<JsmsTestApp>
{
    [Fact]
    public async Task The_map_page_loads_leaflet_and_the_country_outlines_without_a_tile_server()
    {
        using var session = await app.SignInWebAsync("pk.coordinator");
        var page = await session.Client.GetStringAsync("/Tracking/Map");
        Assert.Contains("data-testid=\"tracking-map\"", page, StringComparison.Ordinal);
        Assert.Contains("/lib/leaflet/leaflet.js", page, StringComparison.Ordinal);
        Assert.Contains("/js/tracking-map.js", page, StringComparison.Ordinal);
        Assert.DoesNotContain("tile.", page, StringComparison.Ordinal);
        foreach (var asset in new[] { "/lib/leaflet/leaflet.js", "/lib/leaflet/leaflet.css", "/lib/topojson-client/topojson-client.min.js", "/lib/world-atlas/countries-50m.json", "/js/tracking-map.js" })
        {
            Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync(asset)).StatusCode);
        }
        // What the script reads, with the page's cookie.
        Assert.Contains("Jinnah International Airport", await session.Client.GetStringAsync("/api/sites"), StringComparison.Ordinal);
        using var anonymous = app.Anonymous();
        var refused = await anonymous.GetAsync("/Tracking/Map");
        Assert.Equal("/Accounts/Login", refused.RequestMessage!.RequestUri!.AbsolutePath);
    }
}
