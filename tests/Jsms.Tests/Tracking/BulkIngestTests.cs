using System.Net;
using Jsms.Features.Tracking;
using Jsms.Tests.Consultations;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Tests.Tracking;

/// <summary>
/// The group-commit ingest writer behind /api/tracking/positions, /sightings and /osmand: large and concurrent batches are
/// stored exactly, answered only once stored, refused whole when malformed, and still raise and stream alerts.
/// </summary>
public sealed class BulkIngestTests(TrackingTestApp app) : IClassFixture<TrackingTestApp>
{
    // Karachi city centre, far from the demo airport site: no zone alerts.
    private const double Lat = 24.8600, Lon = 67.0100;
    // At the demo ANPR camera KHI-ANPR-01, in the airport site's watch zone.
    private const double AirportLat = 24.8925, AirportLon = 67.1600;

    private async Task<string> NewDevice(string? subject = null)
    {
        using var client = await app.LoginAs("pk.analyst");
        var uniqueId = "bulk-" + Guid.NewGuid().ToString("N")[..10];
        await (await client.Post("/api/devices", new { uniqueId, name = "Bulk test tracker", kind = "VehicleTracker", subject })).Read<DeviceDto>(HttpStatusCode.Created);
        return uniqueId;
    }

    private Task<List<Position>> PositionsOf(params string[] uniqueIds) => app.WithDb(db =>
        db.Set<Position>().Where(p => db.Set<Device>().Any(d => d.Id == p.DeviceId && uniqueIds.Contains(d.UniqueId))).OrderBy(p => p.Id).ToListAsync());

    private async Task<TrackingStatsDto> Stats()
    {
        using var client = await app.LoginAs("admin");
        return await client.GetAs<TrackingStatsDto>("/api/tracking/stats");
    }

    [Fact]
    public async Task A_batch_of_thousands_is_stored_exactly_as_sent_in_order_before_the_answer()
    {
        string[] devices = [await NewDevice(), await NewDevice(), await NewDevice()];
        var t0 = app.Clock.GetUtcNow().UtcDateTime.AddHours(-2);
        var sent = Enumerable.Range(0, 2500).Select(i => new
        {
            deviceId = devices[i % 3],
            // Whole microseconds: PostgreSQL keeps no finer (nor does EF on it).
            time = t0.AddSeconds(i).AddTicks(i * 1230),
            latitude = Lat + i * 1e-6,
            longitude = Lon - i * 1e-6,
            speed = i % 4 == 0 ? (double?)null : i * 0.01,
            bearing = i % 5 == 0 ? (double?)null : i % 360,
            altitude = i % 7 == 0 ? (double?)null : i * 0.5,
            accuracy = i % 2 == 0 ? (double?)null : 3.5,
        }).ToArray();
        using var client = await app.LoginAs("pk.analyst");
        var result = await (await client.Post("/api/tracking/positions", sent)).Read<IngestResult>();
        Assert.Equal(2500, result.Accepted);
        Assert.Empty(result.Refused);

        // Read straight after the answer: everything is there, in the order sent, with every field as sent.
        var stored = await PositionsOf(devices);
        Assert.Equal(2500, stored.Count);
        var ids = await app.WithDb(db => db.Set<Device>().Where(d => devices.Contains(d.UniqueId)).ToDictionaryAsync(d => d.Id, d => d.UniqueId));
        for (var i = 0; i < sent.Length; i++)
        {
            Assert.Equal(sent[i].deviceId, ids[stored[i].DeviceId]);
            Assert.Equal(sent[i].time, stored[i].Time);
            Assert.Equal(DateTimeKind.Utc, stored[i].Time.Kind);
            Assert.Equal(sent[i].latitude, stored[i].Latitude);
            Assert.Equal(sent[i].longitude, stored[i].Longitude);
            Assert.Equal(sent[i].speed, stored[i].Speed);
            Assert.Equal(sent[i].bearing, stored[i].Bearing);
            Assert.Equal(sent[i].altitude, stored[i].Altitude);
            Assert.Equal(sent[i].accuracy, stored[i].Accuracy);
            Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, stored[i].ReceivedAt);
        }

        // And through the API: the device's last position is the last one sent for it.
        var device = Assert.Single(await client.GetAs<List<DeviceDto>>("/api/devices"), d => d.UniqueId == sent[^1].deviceId);
        Assert.Equal(sent[^1].time, device.LastPosition!.Time);
    }

    [Fact]
    public async Task Concurrent_requests_are_each_answered_only_once_their_own_positions_are_stored()
    {
        var devices = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            devices.Add(await NewDevice());
        }
        using var client = await app.LoginAs("pk.analyst");
        var at = app.Clock.GetUtcNow().UtcDateTime;
        var found = await Task.WhenAll(devices.Select(async device =>
        {
            var batch = Enumerable.Range(0, 40).Select(i => new { deviceId = device, time = at.AddSeconds(-i), latitude = Lat, longitude = Lon }).ToArray();
            var result = await (await client.Post("/api/tracking/positions", batch)).Read<IngestResult>();
            Assert.Equal(40, result.Accepted);
            // Read at once, before any other request's answer is awaited.
            return (await PositionsOf(device)).Count;
        }));
        Assert.All(found, count => Assert.Equal(40, count));
    }

    [Fact]
    public async Task A_malformed_item_deep_in_a_large_batch_stores_nothing_names_the_item_and_does_not_disturb_other_requests()
    {
        var device = await NewDevice();
        var other = await NewDevice();
        var before = await Stats();
        using var client = await app.LoginAs("pk.analyst");
        var at = app.Clock.GetUtcNow().UtcDateTime;
        var bad = Enumerable.Range(0, 1500).Select(i => new
        {
            deviceId = device, time = at.AddSeconds(-i), latitude = i == 1234 ? 91.5 : Lat, longitude = Lon,
        }).ToArray();
        var good = Enumerable.Range(0, 500).Select(i => new { deviceId = other, time = at.AddSeconds(-i), latitude = Lat, longitude = Lon }).ToArray();

        var badAnswer = client.Post("/api/tracking/positions", bad);
        var goodAnswer = client.Post("/api/tracking/positions", good);
        var errors = await (await badAnswer).ValidationErrors();
        Assert.Equal(["[1234].latitude"], errors.Keys);
        Assert.Equal(500, (await (await goodAnswer).Read<IngestResult>()).Accepted);

        Assert.Empty(await PositionsOf(device));
        Assert.Equal(500, (await PositionsOf(other)).Count);
        var after = await Stats();
        Assert.Equal(before.Malformed + 1, after.Malformed);
        Assert.True(after.Positions >= before.Positions + 500);
    }

    [Fact]
    public async Task Unknown_devices_in_a_large_batch_are_refused_one_by_one_and_counted_while_known_ones_are_stored()
    {
        var device = await NewDevice();
        var before = await Stats();
        using var client = await app.LoginAs("pk.analyst");
        var at = app.Clock.GetUtcNow().UtcDateTime;
        var batch = Enumerable.Range(0, 1000).Select(i => new
        {
            deviceId = i % 10 == 3 ? $"unknown-{i}" : device, time = at.AddSeconds(-i), latitude = Lat, longitude = Lon,
        }).ToArray();
        var result = await (await client.Post("/api/tracking/positions", batch)).Read<IngestResult>();
        Assert.Equal(900, result.Accepted);
        Assert.Equal(100, result.Refused.Count);
        Assert.All(result.Refused, r => Assert.Equal(3, r.Index % 10));
        Assert.Equal(900, (await PositionsOf(device)).Count);
        Assert.Equal(before.UnknownDevices + 100, (await Stats()).UnknownDevices);
    }

    [Fact]
    public async Task Positions_and_sightings_stored_in_bulk_still_raise_alerts_streamed_with_their_stored_evidence()
    {
        await using var subscriber = await SseReader.OpenAsync(app, "pk.coordinator");
        const string plate = "BLK7731";
        var device = await NewDevice("blk-7731");
        using var client = await app.LoginAs("pk.analyst");
        var at = app.Clock.GetUtcNow().UtcDateTime;

        // Much traffic elsewhere in the same requests, one position in the airport's watch zone.
        var positions = Enumerable.Range(0, 300).Select(i => new
        {
            deviceId = device, time = at.AddSeconds(-300 + i), latitude = i == 299 ? AirportLat : Lat, longitude = i == 299 ? AirportLon : Lon,
        }).ToArray();
        var result = await (await client.Post("/api/tracking/positions", positions)).Read<IngestResult>();
        Assert.Equal(1, result.AlertsRaised);
        var entered = await subscriber.WaitForAlertAsync(a => a.GetProperty("kind").GetString() == "site.enter" && a.GetProperty("subjectLabel").GetString() == plate,
            TimeSpan.FromSeconds(10));
        Assert.NotNull(entered);
        var evidence = Assert.Single(entered.Value.GetProperty("evidence").EnumerateArray());
        var last = (await PositionsOf(device))[^1];
        Assert.Equal(last.Id, evidence.GetProperty("id").GetInt64());
        Assert.Equal(AirportLat, last.Latitude);

        // A sighting of another plate at the airport camera, in a batch of sightings by a camera in the city.
        var camera = "BULK-CAM-" + Guid.NewGuid().ToString("N")[..6];
        Assert.Equal(HttpStatusCode.Created, (await client.Post("/api/sensors", new { code = camera, name = "City camera", kind = "Anpr", latitude = Lat, longitude = Lon })).StatusCode);
        var sightings = Enumerable.Range(0, 200).Select(i => new { sensorId = camera, subject = $"QQ {i:D3}", time = at.AddSeconds(-200 + i) })
            .Append(new { sensorId = "KHI-ANPR-01", subject = "blk 8842", time = at }).ToArray();
        var seen = await (await client.Post("/api/tracking/sightings", sightings)).Read<IngestResult>();
        Assert.Equal(201, seen.Accepted);
        Assert.Equal(1, seen.AlertsRaised);
        var sighted = await subscriber.WaitForAlertAsync(a => a.GetProperty("kind").GetString() == "site.enter" && a.GetProperty("subjectLabel").GetString() == "BLK8842",
            TimeSpan.FromSeconds(10));
        Assert.NotNull(sighted);
        var stored = await app.WithDb(db => db.Set<Sighting>().SingleAsync(s => s.Subject == "BLK8842"));
        Assert.Equal(stored.Id, Assert.Single(sighted.Value.GetProperty("evidence").EnumerateArray()).GetProperty("id").GetInt64());
        Assert.Equal(200, await app.WithDb(db => db.Set<Sighting>().CountAsync(s => s.Subject.StartsWith("QQ") && s.Time >= at.AddSeconds(-200))));
    }
}
