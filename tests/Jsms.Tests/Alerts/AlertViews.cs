using System.Net;
using System.Text;
using System.Text.Json;
using Jsms.Tests.Consultations;
using Jsms.Tests.Infrastructure;

namespace Jsms.Tests.Alerts;

/// <summary>Every way a user receives alerts (list, one by one, stream replay, the Alerts page), and the intents the trust tests share.</summary>
internal static class AlertViews
{
    /// <summary>What the user receives about alerts: the list, each alert read by id, the stream's replay from the start, and the page.</summary>
    public static async Task<(List<JsonElement> Alerts, string Text)> EverythingSeenAsync(JsmsTestApp app, string user)
    {
        var text = new StringBuilder();
        using var client = await app.LoginAs(user);
        var listed = await client.GetStringAsync("/api/alerts?limit=1000");
        text.AppendLine(listed);
        var alerts = JsonDocument.Parse(listed).RootElement.EnumerateArray().Select(a => a.Clone()).ToList();
        foreach (var alert in alerts)
        {
            var one = await client.GetAsync($"/api/alerts/{alert.GetProperty("id").GetGuid()}");
            Assert.Equal(HttpStatusCode.OK, one.StatusCode);
            text.AppendLine(await one.Content.ReadAsStringAsync());
        }
        using (var streamClient = await app.LoginAs(user))
        await using (var stream = await SseReader.OpenAsync(streamClient, "0"))
        {
            Assert.Equal("ready", (await stream.NextAsync(TimeSpan.FromSeconds(10)))?.Name);
            var replay = await stream.AlertsAsync(alerts.Count, _ => true, TimeSpan.FromSeconds(20));
            Assert.Equal(alerts.Select(a => a.GetProperty("id").GetGuid()).Order(), replay.Select(e => e.Data.GetProperty("id").GetGuid()).Order());
            foreach (var e in replay)
            {
                text.AppendLine(e.Data.GetRawText());
            }
        }
        using var session = await BrowserlessSession.SignInAsync(app, user);
        text.AppendLine(await session.Client.GetStringAsync("/Alerts"));
        return (alerts, text.ToString());
    }

    /// <summary>A square site of about 200 m around the point, watched 100 m around.</summary>
    public static object Site(string name, double lat, double lon, object? marking = null) => new
    {
        name,
        perimeter = JsonDocument.Parse(FormattableString.Invariant(
            $"{{\"type\":\"Polygon\",\"coordinates\":[[[{lon - 0.001},{lat - 0.001}],[{lon + 0.001},{lat - 0.001}],[{lon + 0.001},{lat + 0.001}],[{lon - 0.001},{lat + 0.001}],[{lon - 0.001},{lat - 0.001}]]]}}")).RootElement,
        watchDistanceMetres = 100,
        loiteringThresholdMinutes = 30,
        securityLevel = "High",
        marking,
    };

    public static string Token(string prefix) => prefix + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    /// <summary>Posts positions of a device through the authenticated ingest; returns how many alerts they raised.</summary>
    public static async Task<int> PostPositionsAsync(HttpClient client, string uniqueId, params (DateTime Time, double Lat, double Lon)[] fixes)
        => (await (await client.Post("/api/tracking/positions", fixes.Select(f => new { deviceId = uniqueId, time = f.Time, latitude = f.Lat, longitude = f.Lon }).ToArray()))
            .Read<Jsms.Features.Tracking.IngestResult>()).AlertsRaised;
}
