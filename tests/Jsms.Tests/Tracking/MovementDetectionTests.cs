using System.Net;
using Jsms.Features.Alerts;
using Jsms.Features.Protection;
using Jsms.Features.Tracking;
using Jsms.Tests.Consultations;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Tests.Tracking;

/// <summary>Missed checkpoints (raised by the clock) and a principal's vehicle separated from its escort (raised by the fixes).</summary>
public sealed class MovementDetectionTests(TrackingTestApp app) : IClassFixture<TrackingTestApp>
{
    private Task<List<Alert>> AlertsOf(Guid movementId) => app.WithDb(db => db.Set<Alert>().AsNoTracking()
        .Where(a => a.SubjectId == movementId).OrderBy(a => a.RaisedAt).ToListAsync());

    private static async Task<string> NewDevice(HttpClient client, string name)
    {
        var uniqueId = name + "-" + Guid.NewGuid().ToString("N")[..8];
        await (await client.Post("/api/devices", new { uniqueId, name })).Read<DeviceDto>(HttpStatusCode.Created);
        return uniqueId;
    }

    private async Task AssertNeedToKnow(Guid alertId)
    {
        foreach (var (user, expected) in new[] { ("pk.coordinator", HttpStatusCode.OK), ("cn.liaison", HttpStatusCode.OK), ("pk.viewer", HttpStatusCode.NotFound), ("cn.coordinator", HttpStatusCode.NotFound) })
        {
            using var client = await app.LoginAs(user);
            Assert.Equal(expected, (await client.GetAsync($"/api/alerts/{alertId}")).StatusCode);
        }
    }

    [Fact]
    public async Task A_vehicle_not_at_a_checkpoint_by_its_expected_time_and_grace_raises_one_checkpoint_missed_alert_from_the_clock()
    {
        using var analyst = await app.LoginAs("pk.analyst");
        var lead = await NewDevice(analyst, "lead");
        var escort = await NewDevice(analyst, "escort");
        var t0 = app.Clock.GetUtcNow().AddHours(2);
        app.Clock.Set(t0);
        var movement = await (await analyst.Post("/api/movements", new
        {
            name = "Hotel to dam site",
            status = "UnderWay",
            vehicles = new[] { lead },
            escort = new[] { escort },
            departEarliest = t0.UtcDateTime,
            checkpoints = new object[]
            {
                new { name = "Bridge", latitude = 24.90, longitude = 67.05, expectedAt = t0.AddMinutes(20).UtcDateTime },
                new { name = "No time given", latitude = 24.95, longitude = 67.10 },
            },
            marking = new { recipients = new[] { "cn.liaison" } },
        })).Read<MovementDto>(HttpStatusCode.Created);
        // The lead passes 150 m from the bridge at 18 minutes; the escort only comes within 1 km of it; both keep reporting.
        var monitor = app.Service<MovementMonitor>();
        Alert? missed = null;
        for (var m = 0; m <= 40; m += 2)
        {
            var at = t0.AddMinutes(m);
            app.Clock.Set(at);
            var result = await (await analyst.Post("/api/tracking/positions", new[]
            {
                new { deviceId = lead, time = at.UtcDateTime, latitude = m == 18 ? 24.9013 : 24.80, longitude = 67.05 },
                new { deviceId = escort, time = at.UtcDateTime, latitude = m == 18 ? 24.909 : 24.80, longitude = 67.05 },
            })).Read<IngestResult>();
            Assert.Equal(2, result.Accepted);
            await monitor.CheckAsync(at.UtcDateTime);
            var alerts = (await AlertsOf(movement.Id)).Where(a => a.Kind == "checkpoint.missed").ToList();
            if (m <= 30)
            {
                Assert.Empty(alerts); // expected at 20, 10 minutes' grace
            }
            else
            {
                missed = Assert.Single(alerts);
            }
        }
        Assert.Equal(escort, missed!.SubjectLabel);
        Assert.Equal(t0.AddMinutes(30).UtcDateTime, missed.RaisedAt);
        Assert.Contains("Bridge", missed.Title);
        Assert.Equal((24.90, 67.05), (missed.Latitude!.Value, missed.Longitude!.Value));
        Assert.Equal(AlertSeverity.High, missed.Severity);
        await AssertNeedToKnow(missed.Id);
    }

    private static object Fix(string device, DateTimeOffset at, double lat, double lon) => new { deviceId = device, time = at.UtcDateTime, latitude = lat, longitude = lon };

    [Fact]
    public async Task A_principal_vehicle_separated_from_its_escort_while_moving_raises_one_alert_and_rejoining_clears_it()
    {
        using var analyst = await app.LoginAs("pk.analyst");
        var principal = await NewDevice(analyst, "vip-car");
        var escort = await NewDevice(analyst, "escort-car");
        var movement = await (await analyst.Post("/api/movements", new
        {
            name = "Airport to port",
            status = "UnderWay",
            vehicles = new[] { principal },
            escort = new[] { escort },
            marking = new { recipients = new[] { "cn.liaison" } },
        })).Read<MovementDto>(HttpStatusCode.Created);
        var t0 = app.Clock.GetUtcNow();
        // Both drive east at about 11 m/s (0.001 degree of longitude every 10 s); the escort keeps 0.0015 degree north (170 m).
        var step = 0;
        async Task Drive(double principalOffsetNorth, bool moving = true)
        {
            var at = t0.AddSeconds(step * 10);
            var lon = 67.00 + (moving ? step : 0) * 0.001;
            var result = await (await analyst.Post("/api/tracking/positions", new[]
            {
                Fix(escort, at, 24.9015, 67.00 + step * 0.001),
                Fix(principal, at.AddSeconds(1), 24.90 + principalOffsetNorth, lon),
            })).Read<IngestResult>();
            Assert.Equal(2, result.Accepted);
            step++;
        }
        Task<List<Alert>> Separations() => AlertsOf(movement.Id).ContinueWith(t => t.Result.Where(a => a.Kind.StartsWith("escort.", StringComparison.Ordinal)).ToList(), TaskScheduler.Default);

        for (var i = 0; i < 3; i++)
        {
            await Drive(0);
        }
        // Two fixes 1.1 km away (a GPS jump or a short detour), then back: below the three fixes the alert needs.
        await Drive(-0.01);
        await Drive(-0.01);
        await Drive(0);
        Assert.Empty(await Separations());

        // Three in a row: one alert, with the three fixes and the escort's as evidence; a fourth adds nothing.
        await Drive(-0.01);
        await Drive(-0.01);
        Assert.Empty(await Separations());
        await Drive(-0.01);
        var separated = Assert.Single(await Separations());
        Assert.Equal("escort.separated", separated.Kind);
        Assert.Equal(principal, separated.SubjectLabel);
        Assert.Equal(AlertSeverity.High, separated.Severity);
        Assert.Equal(4, System.Text.Json.JsonDocument.Parse(separated.Evidence!).RootElement.GetArrayLength());
        await Drive(-0.01);
        Assert.Single(await Separations());

        // Hysteresis: 450 m (inside 500 m but not within 80 % of it) does not clear it; 170 m does.
        await Drive(-0.0025);
        Assert.Single(await Separations());
        await Drive(0);
        var alerts = await Separations();
        Assert.Equal(["escort.separated", "escort.rejoined"], alerts.Select(a => a.Kind));
        await AssertNeedToKnow(separated.Id);

        // Standing still far from the escort (a planned stop) is not counted.
        for (var i = 0; i < 4; i++)
        {
            await Drive(-0.01, moving: false);
        }
        Assert.Equal(2, (await Separations()).Count);
    }
}
