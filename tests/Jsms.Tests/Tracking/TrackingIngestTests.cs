using System.Net;
using System.Net.Http.Json;
using System.Text;
using Jsms.Features.Tracking;
using Jsms.Tests.Consultations;
using Jsms.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jsms.Tests.Tracking;

/// <summary>Positions over the OsmAnd/Traccar protocol and the JSON batch, sightings; refusals and counters.</summary>
public sealed class TrackingIngestTests(TrackingTestApp app) : IClassFixture<TrackingTestApp>
{
    // Karachi city centre, far from the demo airport site: no zone alerts from these tests.
    private const double Lat = 24.8600, Lon = 67.0100;

    private Task<List<Position>> PositionsOf(string uniqueId) => app.WithDb(db =>
        db.Set<Position>().Where(p => db.Set<Device>().Any(d => d.Id == p.DeviceId && d.UniqueId == uniqueId)).OrderBy(p => p.Id).ToListAsync());

    private async Task<TrackingStatsDto> Stats()
    {
        using var client = await app.LoginAs("admin");
        return await client.GetAs<TrackingStatsDto>("/api/tracking/stats");
    }

    private async Task<string> NewDevice(string? subject = null)
    {
        using var client = await app.LoginAs("pk.analyst");
        var uniqueId = "test-" + Guid.NewGuid().ToString("N")[..10];
        var device = await (await client.Post("/api/devices", new { uniqueId, name = "Test tracker", kind = "VehicleTracker", subject })).Read<DeviceDto>(HttpStatusCode.Created);
        Assert.Equal("PK-NACTA", device.Marking.OwnerAgency);
        return uniqueId;
    }

    [Fact]
    public async Task OsmAnd_query_is_stored_with_speed_converted_from_knots_before_the_answer()
    {
        var device = await NewDevice();
        var at = app.Clock.GetUtcNow();
        using var client = app.Anonymous();
        var response = await client.GetAsync($"/api/tracking/osmand?id={device}&lat={Lat}&lon={Lon}&timestamp={at.ToUnixTimeSeconds()}&speed=10&bearing=90&altitude=12&accuracy=5");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = Assert.Single(await PositionsOf(device));
        Assert.Equal(Lat, stored.Latitude);
        Assert.Equal(Lon, stored.Longitude);
        Assert.Equal(at.UtcDateTime.AddTicks(-(at.UtcDateTime.Ticks % TimeSpan.TicksPerSecond)), stored.Time);
        Assert.Equal(10 * 1852.0 / 3600, stored.Speed!.Value, 6);
        Assert.Equal(90, stored.Bearing);
        Assert.Equal(12, stored.Altitude);
        Assert.Equal(5, stored.Accuracy);
    }

    [Fact]
    public async Task OsmAnd_form_post_with_an_iso_time_and_the_json_body_of_newer_clients_are_accepted()
    {
        var device = await NewDevice();
        using var client = app.Anonymous();
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = device, ["lat"] = "24.86", ["lon"] = "67.01", ["timestamp"] = "2026-03-10T08:30:00Z", ["speed"] = "0",
        });
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/tracking/osmand", form)).StatusCode);

        var json = "{\"device_id\":\"" + device + "\",\"location\":{\"timestamp\":\"2026-03-10T08:31:00.000Z\",\"coords\":{\"latitude\":24.861,\"longitude\":67.011,\"speed\":4.5,\"heading\":180,\"altitude\":8,\"accuracy\":12},\"is_moving\":true,\"battery\":{\"level\":0.8}}}";
        var response = await client.PostAsync("/api/tracking/osmand", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var stored = await PositionsOf(device);
        Assert.Equal(2, stored.Count);
        Assert.Equal(new DateTime(2026, 3, 10, 8, 30, 0, DateTimeKind.Utc), stored[0].Time);
        Assert.Equal(new DateTime(2026, 3, 10, 8, 31, 0, DateTimeKind.Utc), stored[1].Time);
        Assert.Equal(4.5, stored[1].Speed); // metres per second in the JSON form
        Assert.Equal(180, stored[1].Bearing);
    }

    [Fact]
    public async Task An_unknown_device_is_refused_and_counted()
    {
        var before = await Stats();
        using var client = app.Anonymous();
        var response = await client.GetAsync($"/api/tracking/osmand?id=not-registered&lat={Lat}&lon={Lon}");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Contains("not-registered", problem!.Detail);
        Assert.Equal(before.UnknownDevices + 1, (await Stats()).UnknownDevices);
    }

    [Fact]
    public async Task Malformed_osmand_input_is_a_400_naming_each_problem()
    {
        var device = await NewDevice();
        using var client = app.Anonymous();
        var errors = await (await client.GetAsync($"/api/tracking/osmand?id={device}&lat=abc&lon=200&timestamp=yesterday")).ValidationErrors();
        Assert.Contains("lat", errors.Keys);
        Assert.Contains("lon", errors.Keys);
        Assert.Contains("timestamp", errors.Keys);

        errors = await (await client.GetAsync($"/api/tracking/osmand?lat={Lat}&lon={Lon}")).ValidationErrors();
        Assert.Equal(["id"], errors.Keys);

        var future = app.Clock.GetUtcNow().AddDays(1).ToUnixTimeSeconds();
        errors = await (await client.GetAsync($"/api/tracking/osmand?id={device}&lat={Lat}&lon={Lon}&timestamp={future}")).ValidationErrors();
        Assert.Contains("future", errors["timestamp"][0]);

        errors = await (await client.PostAsync("/api/tracking/osmand", new StringContent("{\"device_id\":", Encoding.UTF8, "application/json"))).ValidationErrors();
        Assert.Contains("body", errors.Keys);
        errors = await (await client.PostAsync("/api/tracking/osmand", new StringContent("{\"device_id\":\"" + device + "\",\"location\":{\"coords\":{\"latitude\":\"x\"}}}", Encoding.UTF8, "application/json"))).ValidationErrors();
        Assert.Contains("location.coords.latitude", errors.Keys);
        Assert.Contains("location.coords.longitude", errors.Keys);
        Assert.Empty(await PositionsOf(device));
    }

    [Fact]
    public async Task The_json_batch_stores_known_devices_refuses_unknown_ones_and_rejects_malformed_batches_whole()
    {
        var device = await NewDevice();
        var before = await Stats();
        using var client = await app.LoginAs("pk.analyst");
        var at = app.Clock.GetUtcNow().UtcDateTime;
        var result = await (await client.Post("/api/tracking/positions", new object[]
        {
            new { deviceId = device, time = at, latitude = Lat, longitude = Lon, speed = 3.0 },
            new { deviceId = "nobody", time = at, latitude = Lat, longitude = Lon },
        })).Read<IngestResult>();
        Assert.Equal(1, result.Accepted);
        Assert.Equal("nobody", Assert.Single(result.Refused).Id);
        Assert.Single(await PositionsOf(device));
        Assert.Equal(before.UnknownDevices + 1, (await Stats()).UnknownDevices);

        var errors = await (await client.Post("/api/tracking/positions", new object[]
        {
            new { deviceId = device, time = at, latitude = Lat, longitude = Lon },
            new { deviceId = device, time = at, latitude = 95.0 },
        })).ValidationErrors();
        Assert.Equal(["[1].latitude", "[1].longitude"], errors.Keys.Order());
        Assert.Single(await PositionsOf(device));

        var onlyUnknown = await client.Post("/api/tracking/positions", new[] { new { deviceId = "nobody", time = at, latitude = Lat, longitude = Lon } });
        Assert.Equal(HttpStatusCode.Forbidden, onlyUnknown.StatusCode);

        using var viewer = await app.LoginAs("pk.viewer");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.Post("/api/tracking/positions", new[] { new { deviceId = device, time = at, latitude = Lat, longitude = Lon } })).StatusCode);
        using var anonymous = app.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.Post("/api/tracking/positions", new[] { new { deviceId = device } })).StatusCode);
    }

    [Fact]
    public async Task Sightings_are_stored_at_the_sensor_with_the_plate_normalised_and_unknown_sensors_refused()
    {
        using var client = await app.LoginAs("pk.analyst");
        var sensor = await (await client.Post("/api/sensors", new { code = "TEST-" + Guid.NewGuid().ToString("N")[..8], name = "City gate", kind = "Gate", latitude = Lat, longitude = Lon }))
            .Read<SensorDto>(HttpStatusCode.Created);
        var before = await Stats();
        var at = app.Clock.GetUtcNow().UtcDateTime;
        var result = await (await client.Post("/api/tracking/sightings", new object[]
        {
            new { sensorId = sensor.Code, subject = "bkr 77-31", time = at },
            new { sensorId = "NO-SUCH-CAMERA", subject = "BKR-7731", time = at },
        })).Read<IngestResult>();
        Assert.Equal(1, result.Accepted);
        Assert.Equal("NO-SUCH-CAMERA", Assert.Single(result.Refused).Id);
        var stored = await app.WithDb(db => db.Set<Sighting>().SingleAsync(s => s.SensorId == sensor.Id));
        Assert.Equal("BKR7731", stored.Subject);
        Assert.Equal((Lat, Lon), (stored.Latitude, stored.Longitude));
        var after = await Stats();
        Assert.Equal(before.UnknownSensors + 1, after.UnknownSensors);
        Assert.Equal(before.Sightings + 1, after.Sightings);

        var errors = await (await client.Post("/api/tracking/sightings", new object[] { new { sensorId = sensor.Code } })).ValidationErrors();
        Assert.Equal(["[0].subject", "[0].time"], errors.Keys.Order());
        Assert.Contains("body", (await (await client.Post("/api/tracking/sightings", Array.Empty<object>())).ValidationErrors()).Keys);
        var notJson = await client.PostAsync("/api/tracking/sightings", new StringContent("[{", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
    }

    [Fact]
    public async Task Devices_and_sensors_follow_the_access_policy()
    {
        var device = await NewDevice(subject: "LEA-1");
        using var analyst = await app.LoginAs("pk.analyst");
        var id = (await analyst.GetAs<List<DeviceDto>>("/api/devices")).Single(d => d.UniqueId == device).Id;
        using var russian = await app.LoginAs("ru.analyst");
        Assert.Equal(HttpStatusCode.NotFound, (await russian.GetAsync($"/api/devices/{id}")).StatusCode);
        Assert.DoesNotContain(await russian.GetAs<List<DeviceDto>>("/api/devices"), d => d.Id == id);
        Assert.Equal(HttpStatusCode.NotFound, (await russian.Put($"/api/devices/{id}", new { uniqueId = device, name = "x" })).StatusCode);

        var duplicate = await (await analyst.Post("/api/devices", new { uniqueId = device, name = "Again" })).ValidationErrors();
        Assert.Contains("uniqueId", duplicate.Keys);
        var badSensor = await (await analyst.Post("/api/sensors", new { code = "X", name = "Y", kind = "Laser", latitude = 91.0 })).ValidationErrors();
        Assert.Equal(["kind", "latitude", "longitude"], badSensor.Keys.Order());

        var updated = await (await analyst.Put($"/api/devices/{id}", new { uniqueId = device, name = "Renamed", subject = "LEA-2" })).Read<DeviceDto>();
        Assert.Equal("LEA-2", updated.Subject);
        Assert.Equal(HttpStatusCode.NoContent, (await analyst.DeleteAsync($"/api/devices/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync($"/api/devices/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_changed_release_marking_or_a_deleted_device_takes_effect_on_the_next_batch()
    {
        using var analyst = await app.LoginAs("pk.analyst");
        var uniqueId = "test-" + Guid.NewGuid().ToString("N")[..10];
        var device = await (await analyst.Post("/api/devices", new { uniqueId, name = "Shared tracker", marking = new { tlp = "AMBER" } }))
            .Read<DeviceDto>(HttpStatusCode.Created);
        using var russian = await app.LoginAs("ru.analyst");
        var batch = new[] { new { deviceId = uniqueId, time = app.Clock.GetUtcNow().UtcDateTime, latitude = Lat, longitude = Lon } };
        Assert.Equal(HttpStatusCode.Forbidden, (await russian.Post("/api/tracking/positions", batch)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await analyst.Post("/api/tracking/positions", batch)).StatusCode);

        await (await analyst.Put($"/api/devices/{device.Id}", new { uniqueId, name = "Shared tracker", marking = new { tlp = "AMBER", releaseTo = new[] { "RU-NAC" } } }))
            .Read<DeviceDto>();
        Assert.Equal(HttpStatusCode.OK, (await russian.Post("/api/tracking/positions", batch)).StatusCode);

        await (await analyst.Put($"/api/devices/{device.Id}", new { uniqueId, name = "Shared tracker", marking = new { tlp = "AMBER", releaseTo = Array.Empty<string>() } }))
            .Read<DeviceDto>();
        Assert.Equal(HttpStatusCode.Forbidden, (await russian.Post("/api/tracking/positions", batch)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await analyst.DeleteAsync($"/api/devices/{device.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.Post("/api/tracking/positions", batch)).StatusCode);
        using var anonymous = app.Anonymous();
        Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.GetAsync($"/api/tracking/osmand?id={uniqueId}&lat={Lat}&lon={Lon}")).StatusCode);
    }

    [Fact]
    public async Task The_last_position_is_the_latest_by_event_time_and_deleting_a_device_deletes_its_positions()
    {
        using var analyst = await app.LoginAs("pk.analyst");
        var uniqueId = await NewDevice();
        var device = (await analyst.GetAs<List<DeviceDto>>("/api/devices")).Single(d => d.UniqueId == uniqueId);
        Assert.Null(device.LastPosition);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var newest = new { deviceId = uniqueId, time = now.AddMinutes(-1), latitude = Lat + 0.002, longitude = Lon };
        var older = new { deviceId = uniqueId, time = now.AddMinutes(-3), latitude = Lat + 0.001, longitude = Lon };
        Assert.Equal(HttpStatusCode.OK, (await analyst.Post("/api/tracking/positions", new[] { older, newest })).StatusCode);
        // A late fix (older than the last one) is stored but does not move the device.
        var late = new { deviceId = uniqueId, time = now.AddMinutes(-2), latitude = Lat + 0.003, longitude = Lon };
        Assert.Equal(HttpStatusCode.OK, (await analyst.Post("/api/tracking/positions", new[] { late })).StatusCode);

        var shown = await analyst.GetAs<DeviceDto>($"/api/devices/{device.Id}");
        Assert.Equal(Lat + 0.002, shown.LastPosition!.Latitude);
        Assert.Equal(now.AddMinutes(-1), shown.LastPosition.Time);
        Assert.Equal(3, (await PositionsOf(uniqueId)).Count);

        var later = new { deviceId = uniqueId, time = now, latitude = Lat + 0.004, longitude = Lon };
        Assert.Equal(HttpStatusCode.OK, (await analyst.Post("/api/tracking/positions", new[] { later })).StatusCode);
        Assert.Equal(Lat + 0.004, (await analyst.GetAs<DeviceDto>($"/api/devices/{device.Id}")).LastPosition!.Latitude);

        Assert.Equal(HttpStatusCode.NoContent, (await analyst.DeleteAsync($"/api/devices/{device.Id}")).StatusCode);
        Assert.Equal(0, await app.WithDb(db => db.Set<Position>().CountAsync(p => p.DeviceId == device.Id)));
        Assert.Equal(0, await app.WithDb(db => db.Set<DeviceLastPosition>().CountAsync(p => p.DeviceId == device.Id)));
    }

    [Fact]
    public async Task Last_positions_held_back_by_the_writer_are_shown_at_once_and_reach_the_table_within_seconds()
    {
        // The writer writes last positions at most once a second: the API must still show the latest one as soon as the
        // positions are acknowledged, and the devices of early batches must not be lost when a later write carries them.
        using var analyst = await app.LoginAs("pk.analyst");
        var devices = new List<Device>();
        for (var d = 0; d < 40; d++)
        {
            var uniqueId = await NewDevice();
            devices.Add(await app.WithDb(db => db.Set<Device>().AsNoTracking().SingleAsync(x => x.UniqueId == uniqueId)));
        }
        var writer = app.App.Services.GetRequiredService<IngestWriter>();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var random = new Random(5);
        var expected = new Dictionary<Guid, (DateTime Time, double Latitude)>();
        var batches = devices.Select(device =>
        {
            var fixes = Enumerable.Range(0, 25).Select(i => new PositionToStore(device,
                new Fix(device.UniqueId, now.AddSeconds(-random.Next(3600)), Lat + random.NextDouble() / 100, Lon, null, null, null, null))).ToList();
            // The latest by event time, then by the order stored (a later position with the same time wins).
            var latest = fixes.Select((f, i) => (f.Fix, i)).MaxBy(x => (x.Fix.Time, x.i)).Fix;
            expected[device.Id] = (latest.Time, latest.Latitude);
            return fixes;
        }).ToList();
        await Task.WhenAll(batches.Select(b => writer.StorePositionsAsync(b, now)));

        foreach (var device in devices)
        {
            var shown = (await analyst.GetAs<DeviceDto>($"/api/devices/{device.Id}")).LastPosition!;
            Assert.Equal(expected[device.Id], (shown.Time, shown.Latitude));
        }
        var listed = (await analyst.GetAs<List<DeviceDto>>("/api/devices")).Where(d => expected.ContainsKey(d.Id)).ToList();
        Assert.Equal(expected.OrderBy(e => e.Key), listed.Select(d => KeyValuePair.Create(d.Id, (d.LastPosition!.Time, d.LastPosition.Latitude))).OrderBy(e => e.Key));

        // The writer writes held-back last positions after a quiet second of real time (a write-path bound, not the app's clock).
        var stored = await Eventually.Value(async () => (await app.WithDb(db => db.Set<DeviceLastPosition>().AsNoTracking().Where(l => expected.Keys.Contains(l.DeviceId))
                .Join(db.Set<Position>(), l => l.PositionId, p => p.Id, (l, p) => new { l.DeviceId, p.Time, p.Latitude }).ToListAsync()))
                .Select(s => KeyValuePair.Create(s.DeviceId, (s.Time, s.Latitude))).ToList(),
            stored => stored.Count >= expected.Count, "every device's last position written to its table");
        Assert.Equal(expected.OrderBy(e => e.Key), stored.OrderBy(e => e.Key));
    }

    [Fact]
    public async Task A_batch_of_a_device_deleted_while_it_was_in_flight_is_stored_without_failing_the_group()
    {
        // The request looked the device up, then it was deleted before the writer ran: the position is stored (unreachable,
        // as the device is gone), no last position is kept for it, and nothing fails: no 500 for this or other requests.
        var gone = new Device { Id = Guid.NewGuid(), UniqueId = "deleted-" + Guid.NewGuid().ToString("N")[..8], Name = "Deleted" };
        var writer = app.App.Services.GetRequiredService<IngestWriter>();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await writer.StorePositionsAsync([new PositionToStore(gone, new Fix(gone.UniqueId, now, Lat, Lon, null, null, null, null))], now);
        Assert.Equal(1, await app.WithDb(db => db.Set<Position>().CountAsync(p => p.DeviceId == gone.Id)));
        Assert.Equal(0, await app.WithDb(db => db.Set<DeviceLastPosition>().CountAsync(p => p.DeviceId == gone.Id)));
    }

    [Fact]
    public async Task Positions_reach_the_sqlite_database_file_soon_after_they_are_stored_while_the_writer_goes_on()
    {
        // The writer's commits never copy the WAL back into the database file (that made one commit a second slow under
        // load); a checkpointer does it beside them. Without it, these pages would stay in the WAL until about 1,000 had
        // gathered or the process stopped: a copy of the database file alone would not have the positions.
        if (TestDatabase.IsPostgres)
        {
            return; // PostgreSQL checkpoints on its own; this is about the embedded database's WAL.
        }
        var uniqueId = await NewDevice();
        var device = await app.WithDb(db => db.Set<Device>().AsNoTracking().SingleAsync(d => d.UniqueId == uniqueId));
        var file = new SqliteConnectionStringBuilder(await app.WithDb(db => Task.FromResult(db.Database.GetConnectionString()!))).DataSource;
        var writer = app.App.Services.GetRequiredService<IngestWriter>();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var fixes = Enumerable.Range(0, 2000).Select(i => new PositionToStore(device,
            new Fix(device.UniqueId, now.AddSeconds(-i), Lat, Lon, 3, 90, 10, 5))).ToList();
        await writer.StorePositionsAsync(fixes, now);

        var folder = Directory.CreateTempSubdirectory("jsms-checkpoint-").FullName;
        try
        {
            var copy = Path.Combine(folder, "copy.db");
            var inFile = await Eventually.Value(() =>
            {
                File.Copy(file, copy, overwrite: true);
                return Task.FromResult(CountPositions(copy, device.Id));
            }, n => n >= fixes.Count, "the positions copied into the database file");
            Assert.Equal(fixes.Count, inFile);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Positions of the device in a copy of the database file (0 when the copy caught a page being written).</summary>
    private static long CountPositions(string databaseFile, Guid deviceId)
    {
        try
        {
            using var connection = new SqliteConnection($"Data Source={databaseFile};Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """SELECT count(*) FROM "Positions" WHERE "DeviceId" = $id""";
            command.Parameters.AddWithValue("$id", deviceId.ToString().ToUpperInvariant());
            return (long)command.ExecuteScalar()!;
        }
        catch (SqliteException)
        {
            return 0;
        }
    }
}
