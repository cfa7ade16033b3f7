using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Jsms.Features.Tracking;
using Jsms.Tests.Consultations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Tests.Tracking;

/// <summary>
/// The OsmAnd / Traccar client protocol as the Traccar server's decoder and the Traccar clients have it (docs/tracking.md,
/// "OsmAnd / Traccar conformance"): the gaps the audit found.
/// </summary>
public sealed class OsmAndConformanceTests(TrackingTestApp app) : IClassFixture<TrackingTestApp>
{
    private const double Lat = 24.8600, Lon = 67.0100;

    private Task<List<Position>> PositionsOf(string uniqueId) => app.WithDb(db =>
        db.Set<Position>().Where(p => db.Set<Device>().Any(d => d.Id == p.DeviceId && d.UniqueId == uniqueId)).OrderBy(p => p.Time).ToListAsync());

    private async Task<string> NewDevice()
    {
        using var client = await app.LoginAs("pk.analyst");
        var uniqueId = "osmand-" + Guid.NewGuid().ToString("N")[..10];
        await (await client.Post("/api/devices", new { uniqueId, name = "Test tracker", kind = "VehicleTracker" })).Read<DeviceDto>(HttpStatusCode.Created);
        return uniqueId;
    }

    [Fact]
    public async Task A_posted_parameter_body_is_read_whatever_its_content_type_as_traccar_reads_it()
    {
        // Traccar's decoder reads the body as a query string when the URL has none; form posts from scripts and some clients
        // come without Content-Type or as text/plain.
        var device = await NewDevice();
        var at = app.Clock.GetUtcNow().AddMinutes(-5).ToUnixTimeSeconds();
        using var client = app.Anonymous();
        string Body(long time, double lat) => $"id={device}&lat={lat.ToString(CultureInfo.InvariantCulture)}&lon={Lon.ToString(CultureInfo.InvariantCulture)}&timestamp={time}&speed=10";

        var plain = await client.PostAsync("/api/tracking/osmand", new StringContent(Body(at, Lat), Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        var bare = new ByteArrayContent(Encoding.ASCII.GetBytes(Body(at + 10, Lat + 0.001)));
        Assert.Null(bare.Headers.ContentType);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/tracking/osmand", bare)).StatusCode);

        var stored = await PositionsOf(device);
        Assert.Equal(2, stored.Count);
        Assert.Equal(10 * OsmAndProtocol.MetresPerSecondPerKnot, stored[0].Speed!.Value, 6);
        Assert.Equal(Lat + 0.001, stored[1].Latitude, 9);
        // Percent-encoded values are decoded as in a query string.
        var encoded = new StringContent($"id={device}&lat={Lat}&lon={Lon}&timestamp=2026-03-10T08%3A50%3A00Z", Encoding.UTF8, "text/plain");
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/tracking/osmand", encoded)).StatusCode);
        Assert.Contains(await PositionsOf(device), p => p.Time == new DateTime(2026, 3, 10, 8, 50, 0, DateTimeKind.Utc));
    }

    [Fact]
    public async Task Negative_accuracy_of_the_json_form_is_unknown_and_a_batch_of_locations_is_stored_whole()
    {
        // The newer Traccar client sends -1 for what it does not know (speed, heading, accuracy, battery level).
        var device = await NewDevice();
        using var client = app.Anonymous();
        var json = "{\"device_id\":\"" + device + "\",\"location\":["
            + "{\"timestamp\":\"2026-03-10T08:40:00.000Z\",\"coords\":{\"latitude\":24.86,\"longitude\":67.01,\"speed\":-1,\"heading\":-1,\"altitude\":8,\"accuracy\":-1},\"is_moving\":false,\"battery\":{\"level\":-1,\"is_charging\":false}},"
            + "{\"timestamp\":\"2026-03-10T08:41:00.000Z\",\"coords\":{\"latitude\":24.861,\"longitude\":67.011,\"speed\":3,\"heading\":90,\"altitude\":8,\"accuracy\":5},\"is_moving\":true}]}";
        var response = await client.PostAsync("/api/tracking/osmand", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await PositionsOf(device);
        Assert.Equal(2, stored.Count);
        Assert.Null(stored[0].Accuracy);
        Assert.Null(stored[0].Speed);
        Assert.Null(stored[0].Bearing);
        Assert.Equal(5, stored[1].Accuracy);
        Assert.Equal(3, stored[1].Speed);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_a_413_problem_and_nothing_is_stored()
    {
        var device = await NewDevice();
        using var client = app.Anonymous();
        var location = "{\"timestamp\":\"2026-03-10T08:40:00.000Z\",\"coords\":{\"latitude\":24.86,\"longitude\":67.01,\"accuracy\":5}}";
        var json = "{\"device_id\":\"" + device + "\",\"location\":[" + string.Join(',', Enumerable.Repeat(location, 1024 * 1024 / location.Length + 1)) + "]}";
        // Sent chunked (no Content-Length), so the limit is met while reading, not announced.
        var content = new PushStreamContent(Encoding.UTF8.GetBytes(json));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var response = await client.PostAsync("/api/tracking/osmand", content);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("larger than", (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
        Assert.Empty(await PositionsOf(device));
    }

    /// <summary>A body without a declared length.</summary>
    private sealed class PushStreamContent(byte[] data) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (var offset = 0; offset < data.Length; offset += 64 * 1024)
            {
                await stream.WriteAsync(data.AsMemory(offset, Math.Min(64 * 1024, data.Length - offset)));
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
