using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Jsms.Features.Accounts;
using Jsms.Platform.Identity;
using Jsms.Features.Demo;
using Jsms.Features.Protection;
using Jsms.Tests.Consultations;
using Jsms.Tests.Infrastructure;

namespace Jsms.Tests.Protection;

/// <summary>
/// The map's view of a movement's route is in the "who has seen this movement" report once per user and route version
/// and watch shift, not once per refresh.
/// </summary>
public sealed class MovementMapViewTests(JsmsTestApp app) : IClassFixture<JsmsTestApp>
{
    private static readonly string[] NamedList = ["cn.liaison"];

    private static object Movement(double endLongitude, string status = "Planned") => new
    {
        name = "Map view convoy",
        status,
        route = new { type = "LineString", coordinates = new[] { new[] { 67.16, 24.90 }, new[] { endLongitude, 24.79 } } },
        corridorMetres = 300,
        marking = new { recipients = NamedList },
    };

    // A token of its own (the fixture's cached ones expire when the clock moves a shift ahead).
    private async Task<HttpClient> SignIn(string username)
    {
        using var anonymous = app.Anonymous();
        var response = await anonymous.PostAsJsonAsync("/api/auth/token", new { username, password = DemoScenario.DemoPassword });
        response.EnsureSuccessStatusCode();
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await response.Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken);
        return client;
    }

    private async Task<List<string>> MapViews(Guid id)
    {
        using var coordinator = await SignIn("pk.coordinator");
        var log = await coordinator.GetAs<List<MovementAccessDto>>($"/api/movements/{id}/access-log");
        return [.. log.Where(e => e.Action == "read" && e.Detail == MovementsService.MapViewDetail).Select(e => e.UserName)];
    }

    [Fact]
    public async Task A_route_on_the_map_is_recorded_once_per_user_per_route_version_and_per_watch_shift()
    {
        var analyst = await SignIn("pk.analyst");
        var movement = await (await analyst.Post("/api/movements", Movement(67.30))).Read<MovementDto>(HttpStatusCode.Created);
        var coordinator = await SignIn("pk.coordinator");
        using var liaison = await app.LoginAs("cn.liaison");
        using var viewer = await app.LoginAs("pk.viewer");

        // The map refreshes: three loads by the owner's coordinator, one by the named liaison officer.
        for (var i = 0; i < 3; i++)
        {
            var routes = await coordinator.GetAs<List<MovementRouteDto>>("/api/movements/routes");
            var route = Assert.Single(routes, r => r.Id == movement.Id);
            Assert.Equal("LineString", route.Route.GetProperty("type").GetString());
            Assert.Equal(300, route.CorridorMetres);
            Assert.Equal("PK-NACTA", route.Marking.OwnerAgency);
        }
        Assert.Contains(await liaison.GetAs<List<MovementRouteDto>>("/api/movements/routes"), r => r.Id == movement.Id);
        // Outside the need to know: not on the map, and nothing recorded.
        Assert.DoesNotContain(await viewer.GetAs<List<MovementRouteDto>>("/api/movements/routes"), r => r.Id == movement.Id);
        Assert.Equal(["pk.coordinator", "cn.liaison"], await MapViews(movement.Id));

        // The route changes: the next look at it is recorded again, once.
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        (await analyst.Put($"/api/movements/{movement.Id}", Movement(67.32))).EnsureSuccessStatusCode();
        await coordinator.GetAs<List<MovementRouteDto>>("/api/movements/routes");
        await coordinator.GetAs<List<MovementRouteDto>>("/api/movements/routes");
        Assert.Equal(["pk.coordinator", "cn.liaison", "pk.coordinator"], await MapViews(movement.Id));

        // Still watching it a shift later: recorded again, once.
        app.Clock.Advance(MovementsService.MapViewRecordedEvery - TimeSpan.FromMinutes(1));
        coordinator.Dispose();
        coordinator = await SignIn("pk.coordinator");
        await coordinator.GetAs<List<MovementRouteDto>>("/api/movements/routes");
        Assert.Equal(3, (await MapViews(movement.Id)).Count);
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        coordinator.Dispose();
        coordinator = await SignIn("pk.coordinator");
        await coordinator.GetAs<List<MovementRouteDto>>("/api/movements/routes");
        await coordinator.GetAs<List<MovementRouteDto>>("/api/movements/routes");
        Assert.Equal(["pk.coordinator", "cn.liaison", "pk.coordinator", "pk.coordinator"], await MapViews(movement.Id));

        // An arrived movement leaves the map.
        analyst.Dispose();
        analyst = await SignIn("pk.analyst");
        (await analyst.Put($"/api/movements/{movement.Id}", Movement(67.32, "Arrived"))).EnsureSuccessStatusCode();
        Assert.DoesNotContain(await coordinator.GetAs<List<MovementRouteDto>>("/api/movements/routes"), r => r.Id == movement.Id);
        analyst.Dispose();
        coordinator.Dispose();
    }
}
