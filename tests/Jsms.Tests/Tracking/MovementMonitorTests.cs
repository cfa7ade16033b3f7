using System.Net;
using Jsms.Features.Alerts;
using Jsms.Features.Protection;
using Jsms.Features.Tracking;
using Jsms.Tests.Consultations;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Tests.Tracking;

/// <summary>Overdue arrival and silent trackers of movements under way, raised by the clock.</summary>
public sealed class MovementMonitorTests(TrackingTestApp app) : IClassFixture<TrackingTestApp>
{
    private Task<List<Alert>> AlertsOf(Guid movementId) => app.WithDb(db => db.Set<Alert>().AsNoTracking()
        .Where(a => a.SubjectId == movementId).OrderBy(a => a.RaisedAt).ToListAsync());

    private async Task At(DateTimeOffset time)
    {
        app.Clock.Set(time);
        await app.Service<MovementMonitor>().CheckAsync(time.UtcDateTime);
    }

    [Fact]
    public async Task A_silent_tracker_and_an_overdue_arrival_raise_need_to_know_alerts_once()
    {
        using var analyst = await app.LoginAs("pk.analyst");
        var uniqueId = "silent-" + Guid.NewGuid().ToString("N")[..8];
        await (await analyst.Post("/api/devices", new { uniqueId, name = "Convoy car" })).Read<DeviceDto>(HttpStatusCode.Created);
        var t0 = app.Clock.GetUtcNow().AddHours(1);
        app.Clock.Set(t0);
        var movement = await (await analyst.Post("/api/movements", new
        {
            name = "Hotel to site",
            status = "UnderWay",
            vehicles = new[] { uniqueId },
            arriveEarliest = t0.AddMinutes(10).UtcDateTime,
            arriveLatest = t0.AddMinutes(30).UtcDateTime,
            marking = new { recipients = new[] { "cn.liaison" } },
        })).Read<MovementDto>(HttpStatusCode.Created);
        using var device = app.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await device.GetAsync($"/api/tracking/osmand?id={uniqueId}&lat=24.86&lon=67.01&timestamp={t0.ToUnixTimeSeconds()}")).StatusCode);

        await At(t0.AddMinutes(10));
        Assert.Empty(await AlertsOf(movement.Id));

        await At(t0.AddMinutes(16));
        var silent = Assert.Single(await AlertsOf(movement.Id));
        Assert.Equal("tracker.silent", silent.Kind);
        Assert.Equal(uniqueId, silent.SubjectLabel);
        Assert.Equal(t0.AddMinutes(15).UtcDateTime, silent.RaisedAt);

        await At(t0.AddMinutes(20));
        Assert.Single(await AlertsOf(movement.Id));

        // A new position re-arms it; the arrival window closes at 30 without arrival.
        app.Clock.Set(t0.AddMinutes(21));
        Assert.Equal(HttpStatusCode.OK, (await device.GetAsync($"/api/tracking/osmand?id={uniqueId}&lat=24.86&lon=67.02&timestamp={t0.AddMinutes(21).ToUnixTimeSeconds()}")).StatusCode);
        await At(t0.AddMinutes(37));
        await At(t0.AddMinutes(38));
        var alerts = await AlertsOf(movement.Id);
        Assert.Equal(2, alerts.Count(a => a.Kind == "tracker.silent"));
        var overdue = Assert.Single(alerts, a => a.Kind == "movement.overdue");
        Assert.Equal(t0.AddMinutes(30).UtcDateTime, overdue.RaisedAt);
        Assert.Equal(AlertSeverity.High, overdue.Severity);
        Assert.Equal(MovementStatus.Overdue, (await analyst.GetAs<MovementDto>($"/api/movements/{movement.Id}")).Status);

        // As need-to-know as the movement: its named list and the owner's coordinators, nobody else.
        foreach (var (user, expected) in new[] { ("pk.coordinator", HttpStatusCode.OK), ("cn.liaison", HttpStatusCode.OK), ("pk.viewer", HttpStatusCode.NotFound), ("cn.coordinator", HttpStatusCode.NotFound) })
        {
            using var client = await app.LoginAs(user);
            Assert.Equal(expected, (await client.GetAsync($"/api/alerts/{overdue.Id}")).StatusCode);
        }
    }

    [Fact]
    public async Task A_vehicle_leaving_the_corridor_of_a_movement_under_way_raises_one_deviation_for_the_need_to_know()
    {
        using var analyst = await app.LoginAs("pk.analyst");
        var uniqueId = "route-" + Guid.NewGuid().ToString("N")[..8];
        await (await analyst.Post("/api/devices", new { uniqueId, name = "Convoy lead" })).Read<DeviceDto>(HttpStatusCode.Created);
        var movement = await (await analyst.Post("/api/movements", new
        {
            name = "Airport road",
            status = "UnderWay",
            vehicles = new[] { uniqueId },
            route = new { type = "LineString", coordinates = new[] { new[] { 67.10, 24.95 }, new[] { 67.30, 24.95 } } },
            corridorMetres = 200,
            marking = new { recipients = new[] { "cn.liaison" } },
        })).Read<MovementDto>(HttpStatusCode.Created);
        var t0 = app.Clock.GetUtcNow();
        using var device = app.Anonymous();
        // About 550 m north of the route, three fixes in a row.
        foreach (var (lat, i) in new[] { (24.95, 0), (24.955, 1), (24.955, 2), (24.955, 3) })
        {
            var response = await device.GetAsync($"/api/tracking/osmand?id={uniqueId}&lat={lat}&lon={67.15 + i * 0.001}&timestamp={t0.AddSeconds(i * 10).ToUnixTimeSeconds()}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        var deviation = Assert.Single(await AlertsOf(movement.Id), a => a.Kind == "route.deviation");
        Assert.Equal(uniqueId, deviation.SubjectLabel);
        Assert.Equal(Jsms.Platform.Access.Tlp.Red, deviation.Tlp);
        foreach (var (user, expected) in new[] { ("pk.coordinator", HttpStatusCode.OK), ("cn.liaison", HttpStatusCode.OK), ("pk.viewer", HttpStatusCode.NotFound) })
        {
            using var client = await app.LoginAs(user);
            Assert.Equal(expected, (await client.GetAsync($"/api/alerts/{deviation.Id}")).StatusCode);
        }
    }
}
