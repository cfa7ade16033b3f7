using System.Net;
using Jsms.Features.Alerts;
using Jsms.Features.Tracking;
using Jsms.Tests.Consultations;
using Jsms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Tests.Tracking;

/// <summary>The engine's open stays survive a restart: rebuilt from the stored observations before the server takes requests.</summary>
public sealed class TrackingRestartTests(TrackingTestApp app) : IClassFixture<TrackingTestApp>
{
    private static readonly string[] Cameras = ["KHI-ANPR-01", "KHI-ANPR-02"];

    private async Task Sight(string plate, DateTimeOffset at)
    {
        using var camera = await app.LoginAs("pk.analyst");
        var result = await (await camera.Post("/api/tracking/sightings", new[] { new { sensorId = Cameras[at.Minute / 4 % 2], subject = plate, time = at.UtcDateTime } }))
            .Read<IngestResult>();
        Assert.Equal(1, result.Accepted);
    }

    private Task<List<Alert>> AlertsAbout(string plate) => app.WithDb(db => db.Set<Alert>().AsNoTracking()
        .Where(a => a.SubjectLabel == plate).OrderBy(a => a.RaisedAt).ToListAsync());

    /// <summary>Waits for alerts the tracking timer raises, moving the clock a tick at a time.</summary>
    private Task<List<Alert>> WaitForAsync(string plate, int count)
        => Eventually.Value(() => AlertsAbout(plate), a => a.Count >= count, $"{count} alerts about {plate}", between: app.NextTick);

    [Fact]
    public async Task A_truck_already_waiting_at_a_restart_is_still_caught_and_nothing_is_raised_twice()
    {
        // The demo airport site: 500 m watch zone, 30-minute threshold; the maximum gap is 10 minutes.
        const string waiting = "RST1001", dueDuringDowntime = "RST2002";
        var t0 = app.Clock.GetUtcNow().AddHours(1);
        for (var m = -8; m <= 20; m += 4)
        {
            app.Clock.Set(t0.AddMinutes(m));
            if (m >= 0)
            {
                await Sight(waiting, t0.AddMinutes(m));
            }
            await Sight(dueDuringDowntime, t0.AddMinutes(m));
        }
        Assert.Equal(["site.enter"], (await AlertsAbout(waiting)).Select(a => a.Kind));
        Assert.Equal(["site.enter"], (await AlertsAbout(dueDuringDowntime)).Select(a => a.Kind));

        // Down from 20 to 23 minutes: the second truck's threshold (at 22) passes while the server is down.
        app.Clock.Set(t0.AddMinutes(23));
        await app.RestartAsync();
        var second = await AlertsAbout(dueDuringDowntime);
        Assert.Equal(["site.enter", "loitering"], second.Select(a => a.Kind));
        Assert.Equal(t0.AddMinutes(22).UtcDateTime, second[1].RaisedAt);

        // The first truck keeps waiting: its stay began before the restart, so it loiters at 30 minutes, not 30 after the restart.
        for (var m = 24; m <= 32; m += 4)
        {
            app.Clock.Set(t0.AddMinutes(m));
            await Sight(waiting, t0.AddMinutes(m));
        }
        var first = await AlertsAbout(waiting);
        Assert.Equal(["site.enter", "loitering"], first.Select(a => a.Kind));
        Assert.Equal(t0.AddMinutes(30).UtcDateTime, first[1].RaisedAt);
        var evidence = System.Text.Json.JsonDocument.Parse(first[1].Evidence!).RootElement.EnumerateArray().Select(e => e.GetProperty("time").GetDateTime()).ToList();
        Assert.Equal(Enumerable.Range(0, 8).Select(i => t0.AddMinutes(i * 4).UtcDateTime), evidence);

        // The second truck's stay ended when its gap ran out (20 + 10 minutes), raised by the clock after the restart.
        var leave = await WaitForAsync(dueDuringDowntime, 3);
        Assert.Equal(("site.leave", t0.AddMinutes(30).UtcDateTime), (leave[2].Kind, leave[2].RaisedAt));

        // A second restart replays the same window again and raises nothing new.
        await app.RestartAsync();
        await app.TickAt(app.Clock.GetUtcNow().AddSeconds(1));
        Assert.Equal(first.Select(a => a.Id), (await AlertsAbout(waiting)).Select(a => a.Id));
        Assert.Equal(leave.Select(a => a.Id), (await AlertsAbout(dueDuringDowntime)).Select(a => a.Id));
    }

    [Fact]
    public async Task A_position_stored_just_before_the_process_stopped_moves_its_device_after_the_restart()
    {
        // The writer keeps last positions in memory for up to a second under load; a crash loses that memory, not the
        // positions: the next start recovers the last positions from the positions stored after the newest one recorded.
        using var analyst = await app.LoginAs("pk.analyst");
        var uniqueId = "rst-" + Guid.NewGuid().ToString("N")[..10];
        var device = await (await analyst.Post("/api/devices", new { uniqueId, name = "Restart tracker", kind = "VehicleTracker" })).Read<DeviceDto>(HttpStatusCode.Created);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        Assert.Equal(HttpStatusCode.OK, (await analyst.Post("/api/tracking/positions", new[] { new { deviceId = uniqueId, time = now.AddMinutes(-5), latitude = 24.86, longitude = 67.01 } })).StatusCode);
        // Stored by the writer, but the process stopped before its last position was written.
        await app.WithDb(db =>
        {
            db.Add(new Position { DeviceId = device.Id, Time = now.AddMinutes(-1), ReceivedAt = now, Latitude = 24.87, Longitude = 67.02 });
            return db.SaveChangesAsync();
        });
        Assert.Equal(24.86, (await analyst.GetAs<DeviceDto>($"/api/devices/{device.Id}")).LastPosition!.Latitude);

        await app.RestartAsync();
        using var again = await app.LoginAs("pk.analyst");
        var shown = await again.GetAs<DeviceDto>($"/api/devices/{device.Id}");
        Assert.Equal((now.AddMinutes(-1), 24.87), (shown.LastPosition!.Time, shown.LastPosition.Latitude));
    }
}
