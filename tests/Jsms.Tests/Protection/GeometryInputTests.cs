using System.Net;
using System.Text.Json;
using Jsms.Features.Protection;
using Jsms.Tests.Consultations;
using Jsms.Tests.Infrastructure;

namespace Jsms.Tests.Protection;

/// <summary>
/// Perimeters and routes are read by the GeoJSON library; what it does not check is still refused with a 400 naming
/// the problem, and what is kept is two-dimensional longitude/latitude.
/// </summary>
public sealed class GeometryInputTests(JsmsTestApp app) : IClassFixture<JsmsTestApp>
{
    private static async Task<HttpResponseMessage> PostSite(HttpClient client, string name, string perimeter)
        => await client.Post("/api/sites", new
        {
            name, perimeter = JsonDocument.Parse(perimeter).RootElement, watchDistanceMetres = 100, loiteringThresholdMinutes = 10,
        });

    [Theory]
    [InlineData("""{"type":"Polygon","coordinates":[[[67.1,24.9],[67.2,24.9],[67.2,25.0]]]}""", "ring")]
    [InlineData("""{"type":"Polygon","coordinates":[[[67.1,24.9],[67.2,24.9],[67.1,24.9]]]}""", "ring")]
    [InlineData("""{"type":"Polygon","coordinates":[[[1e400,24.9],[67.2,24.9],[67.2,25.0],[1e400,24.9]]]}""", "finite")]
    [InlineData("""{"type":"Polygon","coordinates":[[[24.9,167.1],[24.9,167.2],[25,167.2],[24.9,167.1]]]}""", "out of range")]
    [InlineData("""{"type":"Polygon","coordinates":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]}""", "not valid")]
    [InlineData("""{"type":"Polygon","coordinates":[[["a",24.9],[67.2,24.9],[67.2,25.0],["a",24.9]]]}""", "readable")]
    [InlineData("""{"type":"Polygon","coordinates":[]}""", "linear rings")]
    [InlineData("""{"type":"Point","coordinates":[67.1,24.9]}""", "Polygon")]
    [InlineData("""[67.1,24.9]""", "Polygon")]
    public async Task A_perimeter_the_library_reads_but_cannot_stand_is_a_400_naming_the_problem(string perimeter, string reason)
    {
        using var analyst = await app.LoginAs("pk.analyst");
        var errors = await (await PostSite(analyst, "Bad perimeter", perimeter)).ValidationErrors();
        Assert.Equal(["perimeter"], errors.Keys);
        Assert.Contains(reason, errors["perimeter"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_perimeter_with_more_positions_than_allowed_is_refused()
    {
        var ring = Enumerable.Range(0, Geo.MaxPositions + 1)
            .Select(i => FormattableString.Invariant($"[{67 + 0.01 * Math.Cos(i * 2 * Math.PI / Geo.MaxPositions)},{24 + 0.01 * Math.Sin(i * 2 * Math.PI / Geo.MaxPositions)}]"))
            .Append("[67.01,24]");
        using var analyst = await app.LoginAs("pk.analyst");
        var errors = await (await PostSite(analyst, "Huge perimeter", $$"""{"type":"Polygon","coordinates":[[{{string.Join(",", ring)}}]]}""")).ValidationErrors();
        Assert.Contains($"at most {Geo.MaxPositions}", errors["perimeter"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_feature_is_unwrapped_and_heights_are_dropped()
    {
        using var analyst = await app.LoginAs("pk.analyst");
        var site = await (await PostSite(analyst, "Feature with heights", """
            {"type":"Feature","properties":{"name":"x"},"geometry":{"type":"Polygon","coordinates":[[[67.1,24.9,5],[67.2,24.9,5],[67.2,25.0,6],[67.1,24.9,5]]]}}
            """)).Read<SiteDto>(HttpStatusCode.Created);
        Assert.Equal("""{"type":"Polygon","coordinates":[[[67.1,24.9],[67.2,24.9],[67.2,25],[67.1,24.9]]]}""", site.Perimeter.GetRawText());

        var movement = await (await analyst.Post("/api/movements", new
        {
            name = "Route with heights",
            route = JsonDocument.Parse("""{"type":"LineString","coordinates":[[67.1,24.9,10],[67.2,24.95,12]]}""").RootElement,
        })).Read<MovementDto>(HttpStatusCode.Created);
        Assert.Equal("""{"type":"LineString","coordinates":[[67.1,24.9],[67.2,24.95]]}""", movement.Route!.Value.GetRawText());
        var export = JsonDocument.Parse(await analyst.GetStringAsync($"/api/movements/{movement.Id}/export")).RootElement;
        Assert.Equal("FeatureCollection", export.GetProperty("type").GetString());
        var route = export.GetProperty("features")[0];
        Assert.Equal("route", route.GetProperty("properties").GetProperty("kind").GetString());
        Assert.Equal(67.2, route.GetProperty("geometry").GetProperty("coordinates")[1][0].GetDouble());
    }

    [Theory]
    [InlineData("""{"type":"LineString","coordinates":[[67.1,24.9]]}""", "at least 2 positions")]
    [InlineData("""{"type":"LineString","coordinates":[[67.1,24.9],[67.2,95]]}""", "out of range")]
    [InlineData("""{"type":"Polygon","coordinates":[[[67.1,24.9],[67.2,24.9],[67.2,25.0],[67.1,24.9]]]}""", "LineString")]
    public async Task A_route_that_is_not_a_line_in_range_is_a_400_naming_the_problem(string route, string reason)
    {
        using var analyst = await app.LoginAs("pk.analyst");
        var errors = await (await analyst.Post("/api/movements", new { name = "Bad route", route = JsonDocument.Parse(route).RootElement })).ValidationErrors();
        Assert.Equal(["route"], errors.Keys);
        Assert.Contains(reason, errors["route"][0], StringComparison.Ordinal);
    }
}
