using System.Net;
using System.Text.Json;
using Jsms.Features.Protection;
using Jsms.Tests.Consultations;
using Jsms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Tests.Protection;

/// <summary>
/// <c>GET /api/sites?near=lat,lon&amp;withinMetres=N</c>: the readable sites whose perimeter comes within N metres of a
/// point, answered by PostGIS on PostgreSQL and in process on SQLite, with the same results on both.
/// </summary>
public sealed class SitesNearTests(JsmsTestApp app) : IClassFixture<JsmsTestApp>
{
    // A 0.02° square east of Port Qasim, away from the demo's sites; its south edge is at 24.60.
    private const double South = 24.60, North = 24.62, West = 67.50, East = 67.52;

    // Metres per degree of latitude on the sphere; the spheroid's is 0.4 % shorter here, well inside the margins below.
    private const double MetresPerDegree = 111_195;

    private static async Task<SiteDto> CreateSite(HttpClient client, string name, double south, double west, object? marking = null)
    {
        var perimeter = JsonDocument.Parse($$"""
            {"type":"Polygon","coordinates":[[[{{west}},{{south}}],[{{west + 0.02}},{{south}}],[{{west + 0.02}},{{south + 0.02}}],[{{west}},{{south + 0.02}}],[{{west}},{{south}}]]]}
            """).RootElement;
        return await (await client.Post("/api/sites", new
        {
            name, perimeter, watchDistanceMetres = 300, loiteringThresholdMinutes = 20, marking,
        })).Read<SiteDto>(HttpStatusCode.Created);
    }

    private static string Near(double lat, double lon, double metres)
        => FormattableString.Invariant($"/api/sites?near={lat},{lon}&withinMetres={metres}");

    [Fact]
    public async Task Sites_near_a_point_are_those_whose_perimeter_comes_within_the_distance()
    {
        using var analyst = await app.LoginAs("pk.analyst");
        var plant = await CreateSite(analyst, "Near test: power plant", South, West);
        var far = await CreateSite(analyst, "Near test: jetty 20 km east", South, West + 0.2);

        // Inside the perimeter: distance 0.
        Assert.Equal([plant.Id], (await analyst.GetAs<List<SiteDto>>(Near(24.61, 67.51, 0))).Select(s => s.Id));
        // 300 m south of the south edge: not within 250 m, within 350 m.
        var south = South - 300 / MetresPerDegree;
        Assert.DoesNotContain(await analyst.GetAs<List<SiteDto>>(Near(south, 67.51, 250)), s => s.Id == plant.Id);
        var within = Assert.Single(await analyst.GetAs<List<SiteDto>>(Near(south, 67.51, 350)));
        Assert.Equal(plant.Id, within.Id);
        Assert.Equal("Polygon", within.Perimeter.GetProperty("type").GetString());
        // 25 km reaches the jetty too (about 20 km east), listed by name.
        Assert.Equal([far.Id, plant.Id], (await analyst.GetAs<List<SiteDto>>(Near(24.61, 67.51, 25_000))).Select(s => s.Id));
        // Without the parameters, the list is every readable site.
        Assert.Contains(await analyst.GetAs<List<SiteDto>>("/api/sites"), s => s.Name == DemoSiteName);
    }

    private const string DemoSiteName = Jsms.Features.Demo.DemoTracking.AirportSiteName;

    [Fact]
    public async Task Sites_near_a_point_go_through_the_access_policy()
    {
        using var analyst = await app.LoginAs("pk.analyst");
        var kept = await CreateSite(analyst, "Near test: PK only", South + 1, West);
        var shared = await CreateSite(analyst, "Near test: shared with CN", South + 1, West + 0.03,
            new { tlp = "AMBER", releaseTo = new[] { "CN-MPS" } });

        using var chinese = await app.LoginAs("cn.coordinator");
        Assert.Equal([shared.Id], (await chinese.GetAs<List<SiteDto>>(Near(South + 1.01, West + 0.02, 5_000))).Select(s => s.Id));
        using var russian = await app.LoginAs("ru.analyst");
        Assert.Empty(await russian.GetAs<List<SiteDto>>(Near(South + 1.01, West + 0.02, 5_000)));
        Assert.Equal([kept.Id, shared.Id], (await analyst.GetAs<List<SiteDto>>(Near(South + 1.01, West + 0.02, 5_000))).Select(s => s.Id));
    }

    [Theory]
    [InlineData("near=24.6&withinMetres=100", "near")]
    [InlineData("near=abc,67.5&withinMetres=100", "near")]
    [InlineData("near=67.5,24.6,1&withinMetres=100", "near")]
    [InlineData("near=95,67.5&withinMetres=100", "near")]
    [InlineData("near=24.6,67.5", "withinMetres")]
    [InlineData("near=24.6,67.5&withinMetres=-1", "withinMetres")]
    [InlineData("near=24.6,67.5&withinMetres=NaN", "withinMetres")]
    [InlineData("near=24.6,67.5&withinMetres=100001", "withinMetres")]
    [InlineData("withinMetres=100", "near")]
    public async Task A_near_query_that_does_not_name_a_point_and_a_distance_is_a_400_naming_the_parameter(string query, string field)
    {
        using var analyst = await app.LoginAs("pk.analyst");
        var errors = await (await analyst.GetAsync("/api/sites?" + query)).ValidationErrors();
        Assert.Equal([field], errors.Keys);
    }

    [Fact]
    public async Task Perimeters_and_routes_are_postgis_geometry_with_spatial_indexes_on_postgresql_and_geojson_text_on_sqlite()
    {
        using var analyst = await app.LoginAs("pk.analyst");
        var site = await CreateSite(analyst, "Near test: storage", South + 2, West);
        if (TestDatabase.IsPostgres)
        {
            var types = await app.WithDb(db => db.Database.SqlQueryRaw<string>("""
                SELECT format_type(a.atttypid, a.atttypmod) AS "Value" FROM pg_attribute a
                WHERE (a.attrelid = '"Sites"'::regclass AND a.attname = 'Perimeter') OR (a.attrelid = '"Movements"'::regclass AND a.attname = 'Route')
                ORDER BY 1
                """).ToListAsync());
            Assert.Equal(["geometry(LineString,4326)", "geometry(Polygon,4326)"], types);
            var indexes = await app.WithDb(db => db.Database.SqlQueryRaw<string>("""
                SELECT indexdef AS "Value" FROM pg_indexes WHERE indexname IN ('IX_Sites_Perimeter', 'IX_Movements_Route') ORDER BY 1
                """).ToListAsync());
            Assert.Equal(2, indexes.Count);
            Assert.All(indexes, i => Assert.Contains("USING gist", i, StringComparison.Ordinal));
            var srid = await app.WithDb(db => db.Database.SqlQuery<int>($"""SELECT ST_SRID("Perimeter") AS "Value" FROM "Sites" WHERE "Name" = {site.Name}""").SingleAsync());
            Assert.Equal(4326, srid);
        }
        else
        {
            var text = await app.WithDb(db => db.Database.SqlQuery<string>($"""SELECT "Perimeter" AS "Value" FROM "Sites" WHERE "Name" = {site.Name}""").SingleAsync());
            Assert.StartsWith("""{"type":"Polygon","coordinates":[[[67.5,""", text, StringComparison.Ordinal);
        }
        // Either way the entity reads back as the polygon that was written.
        var stored = await app.WithDb(db => db.Set<Site>().AsNoTracking().SingleAsync(s => s.Id == site.Id));
        Assert.Equal(4326, stored.Perimeter.SRID);
        Assert.Equal(5, stored.Perimeter.ExteriorRing.NumPoints);
    }
}
