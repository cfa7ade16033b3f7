using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Jsms.Features.Tracking;
using Jsms.Tests.Consultations;
using Jsms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Tests.Tracking;

/// <summary>
/// Cursor-on-Target as senders write it (docs/tracking.md, "Cursor-on-Target conformance"): which events are positions, and
/// events packed into one TCP write or cut inside a character.
/// </summary>
public sealed class CotConformanceTests(TrackingProtocolsTestApp app) : IClassFixture<TrackingProtocolsTestApp>
{
    private const double Lat = 24.8600, Lon = 67.0100;

    private Task<List<Position>> PositionsOf(string uniqueId) => app.WithDb(db =>
        db.Set<Position>().Where(p => db.Set<Device>().Any(d => d.Id == p.DeviceId && d.UniqueId == uniqueId)).OrderBy(p => p.Time).ToListAsync());

    private async Task<string> NewDevice()
    {
        using var client = await app.LoginAs("pk.analyst");
        var uniqueId = "cot-" + Guid.NewGuid().ToString("N")[..10];
        await (await client.Post("/api/devices", new { uniqueId, name = "Test tracker", kind = "VehicleTracker" })).Read<DeviceDto>(HttpStatusCode.Created);
        return uniqueId;
    }

    private static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string Cot(string uid, DateTimeOffset at, double lat, string type = "a-f-G-U-C", string detail = "")
        => $"""<event version="2.0" uid="{uid}" type="{type}" time="{Iso(at)}" start="{Iso(at)}" stale="{Iso(at.AddMinutes(5))}" how="h-e">"""
           + $"""<point lat="{lat.ToString(CultureInfo.InvariantCulture)}" lon="{Lon.ToString(CultureInfo.InvariantCulture)}" hae="9999999.0" ce="9999999.0" le="9999999.0"/>"""
           + $"""<detail>{detail}</detail></event>""";

    [Fact]
    public async Task Only_atoms_are_positions_and_a_chat_message_or_marker_with_a_tracker_uid_is_not_stored()
    {
        // The CoT type tree: a- atoms (things and where they are), b- bits (data: chat b-t-f, map points b-m-p, alarms b-a),
        // t- tasking, y- replies, c- capabilities, r- reservations. Only an atom is the position of what its uid names.
        var device = await NewDevice();
        var t0 = app.Clock.GetUtcNow().AddMinutes(-5);
        using var client = await app.LoginAs("pk.analyst");
        var body = Cot(device, t0, Lat, "b-t-f", "<remarks>on my way</remarks>") + Cot(device, t0.AddSeconds(1), Lat, "b-m-p-s-p-i")
                   + Cot(device, t0.AddSeconds(2), Lat, "y-a-r") + Cot(device, t0.AddSeconds(3), Lat + 0.001);
        var result = await (await client.PostAsync("/api/tracking/cot", new StringContent(body, Encoding.UTF8, "application/xml"))).Read<IngestResult>();
        Assert.Equal(1, result.Accepted);
        var stored = Assert.Single(await PositionsOf(device));
        Assert.Equal(Lat + 0.001, stored.Latitude, 9);

        // The same over TCP.
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, app.CotPort);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.UTF8.GetBytes(Cot(device, t0.AddSeconds(10), Lat + 0.002, "b-t-f") + Cot(device, t0.AddSeconds(11), Lat + 0.003)));
        // One connection is read in order: once the atom sent after the chat message is stored, the chat message was dealt with.
        var after = await Eventually.Value(() => PositionsOf(device), p => p.Count >= 2, "the atom sent over TCP stored");
        Assert.Equal([Lat + 0.001, Lat + 0.003], (await PositionsOf(device)).Select(p => Math.Round(p.Latitude, 6)));
        Assert.Equal(2, after.Count);
    }

    [Fact]
    public async Task Events_packed_in_one_write_and_an_event_cut_inside_a_character_are_all_read()
    {
        var device = await NewDevice();
        var t0 = app.Clock.GetUtcNow().AddMinutes(-5);
        using var tcp = new TcpClient { NoDelay = true };
        await tcp.ConnectAsync(IPAddress.Loopback, app.CotPort);
        var stream = tcp.GetStream();

        // Three events in one write, separated by a newline, no separator and an XML declaration.
        var packed = Cot(device, t0, Lat) + "\n" + Cot(device, t0.AddSeconds(1), Lat + 0.001)
                     + "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" + Cot(device, t0.AddSeconds(2), Lat + 0.002);
        await stream.WriteAsync(Encoding.UTF8.GetBytes(packed));
        await stream.FlushAsync();
        Assert.Equal(3, (await Eventually.Value(() => PositionsOf(device), p => p.Count >= 3, "the three packed events stored")).Count);

        // A callsign in Urdu: the write is cut between the two bytes of one character, and again inside "</event>".
        var bytes = Encoding.UTF8.GetBytes(Cot(device, t0.AddSeconds(3), Lat + 0.003, detail: "<contact callsign=\"گاڑی ۱\"/>"));
        var cut = bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes("\"گ")) + 2;
        Assert.True(bytes[cut - 1] >= 0xC0, "the cut falls inside a multi-byte character");
        // Three segments, each flushed on its own (NoDelay): the reader keeps the partial character and event until the rest arrives.
        await stream.WriteAsync(bytes.AsMemory(0, cut));
        await stream.FlushAsync();
        await stream.WriteAsync(bytes.AsMemory(cut, bytes.Length - cut - 4));
        await stream.FlushAsync();
        await stream.WriteAsync(bytes.AsMemory(bytes.Length - 4));
        await stream.FlushAsync();
        var stored = await Eventually.Value(() => PositionsOf(device), p => p.Count >= 4, "the cut event stored");
        Assert.Equal(4, stored.Count);
        Assert.Equal(Lat + 0.003, stored[3].Latitude, 9);
        Assert.Null(stored[3].Altitude); // hae 9999999: unknown
    }
}
