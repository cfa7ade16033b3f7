using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using Jsms.Features.Alerts;
using Jsms.Features.Tracking;
using Jsms.Tests.Consultations;
using Jsms.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Tests.Tracking;

/// <summary>The tracking app with the Cursor-on-Target TCP listener (on a port the OS picks) and the OsmAnd protocol on a port of its own.</summary>
public sealed class TrackingProtocolsTestApp : JsmsTestApp
{
    public int OsmAndPort { get; } = FreePort();

    public int CotPort => Service<CotListener>().Port;

    protected override IEnumerable<string> ExtraArguments =>
        ["--Jsms:Tracking:TickSeconds=0.2", "--Jsms:TokenLifetimeMinutes=10080", "--Jsms:Tracking:CotTcpPort=-1",
         $"--Jsms:Tracking:OsmAndPort={OsmAndPort}", "--Jsms:Tracking:CotMaxEventBytes=4096"];

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

/// <summary>Cursor-on-Target over TCP and HTTP, the OsmAnd protocol on its dedicated port, GPX and CSV track import.</summary>
public sealed class TrackingProtocolsTests(TrackingProtocolsTestApp app) : IClassFixture<TrackingProtocolsTestApp>
{
    // Karachi city centre, far from the demo airport site.
    private const double Lat = 24.8600, Lon = 67.0100;

    private Task<List<Position>> PositionsOf(string uniqueId) => app.WithDb(db =>
        db.Set<Position>().Where(p => db.Set<Device>().Any(d => d.Id == p.DeviceId && d.UniqueId == uniqueId)).OrderBy(p => p.Time).ToListAsync());

    private async Task<TrackingStatsDto> Stats()
    {
        using var client = await app.LoginAs("admin");
        return await client.GetAs<TrackingStatsDto>("/api/tracking/stats");
    }

    private async Task<string> NewDevice(string? subject = null)
    {
        using var client = await app.LoginAs("pk.analyst");
        var uniqueId = "proto-" + Guid.NewGuid().ToString("N")[..10];
        await (await client.Post("/api/devices", new { uniqueId, name = "Test tracker", kind = "VehicleTracker", subject })).Read<DeviceDto>(HttpStatusCode.Created);
        return uniqueId;
    }

    private static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string Cot(string uid, DateTimeOffset at, double lat, double lon, string type = "a-f-G-U-C", string? speed = null)
        => $"""<event version="2.0" uid="{uid}" type="{type}" time="{Iso(at)}" start="{Iso(at)}" stale="{Iso(at.AddMinutes(5))}" how="m-g">"""
           + $"""<point lat="{lat.ToString(CultureInfo.InvariantCulture)}" lon="{lon.ToString(CultureInfo.InvariantCulture)}" hae="12.5" ce="9999999.0" le="9999999.0"/>"""
           + $"""<detail>{(speed is null ? "" : $"<track course=\"90\" speed=\"{speed}\"/>")}<contact callsign="Escort 1"/></detail></event>""";

    [Fact]
    public async Task Cot_events_over_a_tcp_connection_are_stored_and_bad_or_unknown_ones_are_counted_without_dropping_the_connection()
    {
        var device = await NewDevice();
        var before = await Stats();
        var t0 = app.Clock.GetUtcNow().AddMinutes(-10);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, app.CotPort);
        var stream = tcp.GetStream();
        async Task Send(string text)
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(text));
            await stream.FlushAsync();
        }

        // A declaration, a good event, a malformed one, an unknown uid, a ping, a huge one, and a good one cut in two writes.
        await Send("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + Cot(device, t0, Lat, Lon, speed: "12.5"));
        await Send(Cot(device, t0.AddMinutes(1), 95, Lon));
        await Send(Cot("no-such-tracker", t0.AddMinutes(1), Lat, Lon));
        await Send(Cot(device, t0.AddMinutes(1), 0, 0, type: "t-x-c-t"));
        await Send(Cot(device, t0.AddMinutes(1), Lat, Lon).Replace("<detail>", "<detail><remarks>" + new string('x', 5000) + "</remarks>", StringComparison.Ordinal));
        var split = Cot(device, t0.AddMinutes(2), Lat + 0.001, Lon);
        // Sent in two segments (each flushed): the reader keeps a partial event until the rest arrives.
        await Send(split[..40]);
        await Send(split[40..]);

        var stored = await Eventually.Value(() => PositionsOf(device), p => p.Count >= 2, "the two good events stored");
        Assert.Equal(2, stored.Count);
        Assert.Equal(t0.UtcDateTime.AddTicks(-(t0.UtcDateTime.Ticks % TimeSpan.TicksPerMillisecond)), stored[0].Time);
        Assert.Equal(12.5, stored[0].Speed);
        Assert.Equal(12.5, stored[0].Altitude);
        Assert.Null(stored[0].Accuracy); // ce 9999999: unknown
        Assert.Equal(Lat + 0.001, stored[1].Latitude, 9);
        var after = await Eventually.Value(Stats, s => s.Malformed >= before.Malformed + 2 && s.UnknownDevices >= before.UnknownDevices + 1, "the bad and unknown events counted");
        Assert.Equal(before.Malformed + 2, after.Malformed);
        Assert.Equal(before.UnknownDevices + 1, after.UnknownDevices);

        // The same connection still serves.
        await Send(Cot(device, t0.AddMinutes(3), Lat, Lon));
        Assert.Equal(3, (await Eventually.Value(() => PositionsOf(device), p => p.Count >= 3, "the third event stored")).Count);
    }

    [Fact]
    public async Task Cot_over_http_stores_all_the_events_or_none_naming_the_problem()
    {
        var device = await NewDevice();
        var other = await NewDevice();
        var t0 = app.Clock.GetUtcNow().AddMinutes(-5);
        using var client = await app.LoginAs("pk.analyst");
        Task<HttpResponseMessage> Send(HttpClient c, string body) => c.PostAsync("/api/tracking/cot", new StringContent(body, Encoding.UTF8, "application/xml"));

        var result = await (await Send(client, "<?xml version=\"1.0\"?>\n" + Cot(device, t0, Lat, Lon) + "\n" + Cot(other, t0.AddSeconds(5), Lat, Lon))).Read<IngestResult>();
        Assert.Equal(2, result.Accepted);
        Assert.Single(await PositionsOf(device));
        Assert.Single(await PositionsOf(other));

        var errors = await (await Send(client, Cot(device, t0.AddMinutes(1), Lat, Lon) + Cot(device, t0.AddMinutes(2), 95, Lon))).ValidationErrors();
        Assert.Equal(["event[1].point.lat"], errors.Keys);
        var missing = Cot(device, t0.AddMinutes(3), Lat, Lon).Replace(" how=\"m-g\"", "", StringComparison.Ordinal).Replace($"time=\"{Iso(t0.AddMinutes(3))}\"", "time=\"yesterday\"", StringComparison.Ordinal);
        errors = await (await Send(client, missing)).ValidationErrors();
        Assert.Equal(["event[0].how", "event[0].time"], errors.Keys.Order());
        errors = await (await Send(client, "<!DOCTYPE event [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + Cot(device, t0, Lat, Lon).Replace("m-g", "&x;", StringComparison.Ordinal))).ValidationErrors();
        Assert.Contains("DTD", errors["body"][0]);
        errors = await (await Send(client, "<message/>")).ValidationErrors();
        Assert.Contains("<event>", errors["event[0]"][0]);
        errors = await (await Send(client, Cot(device, app.Clock.GetUtcNow().AddDays(1), Lat, Lon))).ValidationErrors();
        Assert.Contains("future", errors["event[0].time"][0]);

        var unknown = await Send(client, Cot(device, t0.AddMinutes(4), Lat, Lon) + Cot("no-such-tracker", t0.AddMinutes(4), Lat, Lon));
        Assert.Equal(HttpStatusCode.Forbidden, unknown.StatusCode);
        Assert.Contains("no-such-tracker", (await unknown.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
        Assert.Single(await PositionsOf(device)); // all or nothing

        using var russian = await app.LoginAs("ru.analyst");
        Assert.Equal(HttpStatusCode.Forbidden, (await Send(russian, Cot(device, t0.AddMinutes(5), Lat, Lon))).StatusCode); // not visible to them
        using var viewer = await app.LoginAs("pk.viewer");
        Assert.Equal(HttpStatusCode.Forbidden, (await Send(viewer, Cot(device, t0.AddMinutes(5), Lat, Lon))).StatusCode);
        using var anonymous = app.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(anonymous, Cot(device, t0.AddMinutes(5), Lat, Lon))).StatusCode);
        Assert.Single(await PositionsOf(device));
    }

    [Fact]
    public async Task The_osmand_protocol_answers_on_its_own_port_at_the_root_and_nothing_else_does()
    {
        var device = await NewDevice();
        var at = app.Clock.GetUtcNow().ToUnixTimeSeconds();
        using var tracker = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{app.OsmAndPort}") };
        Assert.Equal(HttpStatusCode.OK, (await tracker.GetAsync($"/?id={device}&lat={Lat}&lon={Lon}&timestamp={at}&speed=10")).StatusCode);
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["id"] = device, ["lat"] = "24.861", ["lon"] = "67.011", ["timestamp"] = (at + 5).ToString(CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.OK, (await tracker.PostAsync("/", form)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await tracker.GetAsync($"/api/tracking/osmand?id={device}&lat={Lat}&lon={Lon}&timestamp={at + 10}")).StatusCode);
        var stored = await PositionsOf(device);
        Assert.Equal(3, stored.Count);
        Assert.Equal(10 * 1852.0 / 3600, stored[0].Speed!.Value, 6);
        Assert.Equal(HttpStatusCode.Forbidden, (await tracker.GetAsync($"/?id=no-such-tracker&lat={Lat}&lon={Lon}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await tracker.GetAsync($"/?id={device}&lat=x&lon={Lon}")).StatusCode);

        // Nothing else of the application is reachable there.
        foreach (var path in new[] { "/api/devices", "/api/auth/token", "/Accounts/Login", "/health", "/api/tracking/positions" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await tracker.GetAsync(path)).StatusCode);
        }
        // The main port is unchanged.
        using var main = app.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await main.GetAsync($"/api/tracking/osmand?id={device}&lat={Lat}&lon={Lon}&timestamp={at + 15}")).StatusCode);
        Assert.NotEqual(HttpStatusCode.NotFound, (await main.GetAsync("/Accounts/Login")).StatusCode);
    }

    private static string Gpx(IEnumerable<(DateTimeOffset Time, double Lat, double Lon)> points)
        => """<?xml version="1.0" encoding="UTF-8"?><gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1"><trk><name>t</name><trkseg>"""
           + string.Concat(points.Select(p => $"""<trkpt lat="{p.Lat.ToString(CultureInfo.InvariantCulture)}" lon="{p.Lon.ToString(CultureInfo.InvariantCulture)}"><ele>10</ele><time>{Iso(p.Time)}</time></trkpt>""" + "\n"))
           + "</trkseg></trk></gpx>";

    private Task<List<Alert>> AlertsAbout(string subject) => app.WithDb(db => db.Set<Alert>().AsNoTracking()
        .Where(a => a.SubjectLabel == subject).OrderBy(a => a.RaisedAt).ThenBy(a => a.Kind).ToListAsync());

    [Fact]
    public async Task An_imported_gpx_track_raises_the_same_alerts_as_the_same_track_sent_live()
    {
        // A truck waiting in the airport's watch zone (30-minute threshold) for 40 minutes, then driving off.
        static List<(TimeSpan Offset, double Lat, double Lon)> Track()
            => [.. Enumerable.Range(0, 11).Select(i => (TimeSpan.FromMinutes(i * 4), 24.8935 + (i % 2) * 0.0003, 67.1600)), (TimeSpan.FromMinutes(42), 24.80, 67.10)];
        var live = await NewDevice("LIVE-" + Guid.NewGuid().ToString("N")[..6]);
        var replayed = await NewDevice("GPX-" + Guid.NewGuid().ToString("N")[..6]);

        // Live: each fix as it happens, the clock moving with them.
        var liveStart = app.Clock.GetUtcNow().AddHours(1);
        using var tracker = app.Anonymous();
        foreach (var (offset, lat, lon) in Track())
        {
            app.Clock.Set(liveStart + offset);
            var response = await tracker.GetAsync($"/api/tracking/osmand?id={live}&lat={lat.ToString(CultureInfo.InvariantCulture)}&lon={lon.ToString(CultureInfo.InvariantCulture)}&timestamp={(liveStart + offset).ToUnixTimeSeconds()}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        app.Clock.Set(liveStart.AddMinutes(60));

        // Replayed: the same track recorded a day earlier, imported in one file.
        var gpxStart = liveStart.AddDays(-1);
        using var client = await app.LoginAs("pk.analyst");
        var import = await client.PostAsync($"/api/tracking/import?device={replayed}",
            new StringContent(Gpx(Track().Select(p => (gpxStart + p.Offset, p.Lat, p.Lon))), Encoding.UTF8, "application/gpx+xml"));
        var result = await import.Read<ImportResult>();
        Assert.Equal(12, result.Accepted);
        Assert.Equal(gpxStart.UtcDateTime, result.From);
        Assert.Equal(12, (await PositionsOf(replayed)).Count);

        // The engine knows a tracker by its subject, compared without case or dashes.
        var liveSubject = TrackingModule.NormaliseSubject((await client.GetAs<List<DeviceDto>>("/api/devices")).Single(d => d.UniqueId == live).Subject!);
        var gpxSubject = TrackingModule.NormaliseSubject((await client.GetAs<List<DeviceDto>>("/api/devices")).Single(d => d.UniqueId == replayed).Subject!);
        var liveAlerts = await Eventually.Value(() => AlertsAbout(liveSubject), a => a.Count >= 3, "the live track's three alerts");
        var gpxAlerts = await AlertsAbout(gpxSubject);
        Assert.Equal(["site.enter", "loitering", "site.leave"], liveAlerts.Select(a => a.Kind));
        Assert.Equal(liveAlerts.Select(a => (a.Kind, a.RaisedAt - liveStart.UtcDateTime, (a.Evidence ?? "").Length > 2)),
            gpxAlerts.Select(a => (a.Kind, a.RaisedAt - gpxStart.UtcDateTime, (a.Evidence ?? "").Length > 2)));
        var loitering = gpxAlerts.Single(a => a.Kind == "loitering");
        Assert.Equal(gpxStart.AddMinutes(30).UtcDateTime, loitering.RaisedAt);
        Assert.Equal(8, System.Text.Json.JsonDocument.Parse(loitering.Evidence!).RootElement.GetArrayLength());
    }

    [Fact]
    public async Task A_csv_track_is_imported_per_device_and_a_bad_file_is_refused_naming_the_line_with_nothing_stored()
    {
        var first = await NewDevice();
        var second = await NewDevice();
        var t0 = app.Clock.GetUtcNow().AddHours(-2);
        using var client = await app.LoginAs("pk.analyst");
        Task<HttpResponseMessage> Csv(string text, string query = "") => client.PostAsync("/api/tracking/import" + query, new StringContent(text, Encoding.UTF8, "text/csv"));

        var csv = $"deviceId,time,lat,lon,speed\n{first},{Iso(t0)},24.86,67.01,3.5\n{second},{Iso(t0.AddMinutes(1))},24.87,67.02,\n{first},{Iso(t0.AddMinutes(2))},24.861,67.011,4\n";
        var result = await (await Csv(csv)).Read<ImportResult>();
        Assert.Equal(3, result.Accepted);
        Assert.Equal(2, (await PositionsOf(first)).Count);
        Assert.Equal(3.5, (await PositionsOf(first))[0].Speed);
        Assert.Single(await PositionsOf(second));

        var errors = await (await Csv($"deviceId,time,lat,lon\n{first},{Iso(t0.AddMinutes(5))},24.86,67.01\n{first},{Iso(t0.AddMinutes(6))},north,67.01\n{first},soon,24.86,67.01\n")).ValidationErrors();
        Assert.Equal(["line 3", "line 4"], errors.Keys.Order());
        Assert.Contains("lat", errors["line 3"][0]);
        errors = await (await Csv("device,when,x,y\n")).ValidationErrors();
        Assert.Contains("time, lat, lon", errors["line 1"][0]);
        errors = await (await Csv($"time,lat,lon\n{Iso(t0)},24.86,67.01\n")).ValidationErrors();
        Assert.Contains("device", errors.Keys);
        var unknown = await Csv($"deviceId,time,lat,lon\n{first},{Iso(t0.AddMinutes(7))},24.86,67.01\nnobody,{Iso(t0.AddMinutes(8))},24.86,67.01\n");
        Assert.Equal(HttpStatusCode.Forbidden, unknown.StatusCode);

        // GPX: a point without its time names the element and its line; a DTD is refused.
        var gpx = Gpx([(t0.AddMinutes(10), 24.86, 67.01), (t0.AddMinutes(11), 24.86, 67.01)]).Replace($"<time>{Iso(t0.AddMinutes(11))}</time>", "", StringComparison.Ordinal);
        var gpxErrors = await (await client.PostAsync($"/api/tracking/import?device={first}", new StringContent(gpx, Encoding.UTF8, "application/gpx+xml"))).ValidationErrors();
        Assert.Contains(gpxErrors.Keys, k => k.StartsWith("line 2: trk[0]/trkseg[0]/trkpt[1]", StringComparison.Ordinal));
        var dtd = "<?xml version=\"1.0\"?><!DOCTYPE gpx [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><gpx xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><name>&x;</name></trk></gpx>";
        Assert.Contains("DTD", (await (await client.PostAsync($"/api/tracking/import?device={first}", new StringContent(dtd, Encoding.UTF8, "application/gpx+xml"))).ValidationErrors())["file"][0]);
        Assert.Equal(2, (await PositionsOf(first)).Count);
        Assert.Single(await PositionsOf(second));

        using var viewer = await app.LoginAs("pk.viewer");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync("/api/tracking/import", new StringContent(csv, Encoding.UTF8, "text/csv"))).StatusCode);
        using var anonymous = app.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/tracking/import", new StringContent(csv, Encoding.UTF8, "text/csv"))).StatusCode);
    }

    [Fact]
    public async Task The_command_line_imports_a_gpx_file_for_a_device()
    {
        var device = await NewDevice();
        var t0 = app.Clock.GetUtcNow().AddHours(-3);
        var file = Path.Combine(Path.GetTempPath(), $"jsms-track-{Guid.NewGuid():N}.gpx");
        await File.WriteAllTextAsync(file, Gpx([(t0, 24.86, 67.01), (t0.AddMinutes(1), 24.861, 67.011), (t0.AddMinutes(2), 24.862, 67.012)]));
        try
        {
            var (code, output, error) = await CommandLine.RunAsync(["tracking", "import", file, "--device", device, .. CommandLine.DatabaseArguments(app)]);
            Assert.True(code == 0, error);
            Assert.Contains("3 positions", output);
            Assert.Equal(3, (await PositionsOf(device)).Count);

            (code, _, error) = await CommandLine.RunAsync(["tracking", "import", file, "--device", "no-such-tracker", .. CommandLine.DatabaseArguments(app)]);
            Assert.Equal(2, code);
            Assert.Contains("no-such-tracker", error);
            var csv = Path.ChangeExtension(file, ".csv");
            await File.WriteAllTextAsync(csv, "deviceId,time,lat,lon\nx,2026-03-10T08:00:00Z,95,67\n");
            (code, _, error) = await CommandLine.RunAsync(["tracking", "import", csv, .. CommandLine.DatabaseArguments(app)]);
            File.Delete(csv);
            Assert.Equal(2, code);
            Assert.Contains("line 2", error);
            Assert.Equal(3, (await PositionsOf(device)).Count);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
