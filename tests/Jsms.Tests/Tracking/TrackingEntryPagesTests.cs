using System.Net;
using System.Text;
using Jsms.Features.Tracking;
using Jsms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Tests.Tracking;

/// <summary>/Tracking/NewSighting, /Tracking/NewPosition and /Tracking/ImportTrack: the pages over the ingest API's own checks and storage.</summary>
public sealed class TrackingEntryPagesTests(JsmsTestApp app) : IClassFixture<JsmsTestApp>
{
    private static KeyValuePair<string, string> F(string key, string value) => new(key, value);

    [Fact]
    public async Task A_sighting_entered_on_the_page_is_stored_at_the_sensor_chosen_from_those_the_user_sees()
    {
        using var analyst = await app.SignInWebAsync("pk.analyst");
        var page = await analyst.Client.GetStringAsync("/Tracking/NewSighting");
        Assert.Contains("<option value=\"KHI-ANPR-01\"", page, StringComparison.Ordinal);
        Assert.Contains("data-sensor-picker=\"true\"", page, StringComparison.Ordinal);

        var stored = await analyst.PostFormAsync("/Tracking/NewSighting", [F("Sensor", "KHI-ANPR-01"), F("Subject", "PAGE7731"), F("Time", "2026-03-10T08:30")]);

        Assert.Equal("/Tracking/NewSighting", BrowserlessSession.FinalPath(stored));
        Assert.Contains("data-testid=\"entry-notice\"", await stored.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var sighting = await app.WithDb(db => db.Set<Sighting>().SingleAsync(s => s.Subject == "PAGE7731"));
        Assert.Equal(new DateTime(2026, 3, 10, 8, 30, 0, DateTimeKind.Utc), sighting.Time);
        Assert.Equal(24.8925, sighting.Latitude, 4);
    }

    [Fact]
    public async Task A_sighting_with_missing_fields_or_a_sensor_the_user_cannot_see_is_refused_on_the_form()
    {
        using var liaison = await app.SignInWebAsync("cn.liaison");
        Assert.DoesNotContain("KHI-ANPR-01", await liaison.Client.GetStringAsync("/Tracking/NewSighting"), StringComparison.Ordinal);

        var empty = await liaison.PostFormAsync("/Tracking/NewSighting", [F("Sensor", "KHI-ANPR-01"), F("Subject", "")]);
        var emptyHtml = await empty.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("data-field=\"subject\"", emptyHtml, StringComparison.Ordinal);
        Assert.Contains("data-field=\"time\"", emptyHtml, StringComparison.Ordinal);

        var hidden = await liaison.PostFormAsync("/Tracking/NewSighting", [F("Sensor", "KHI-ANPR-01"), F("Subject", "HIDDEN01"), F("Time", "2026-03-10T08:30")]);
        Assert.Equal(HttpStatusCode.BadRequest, hidden.StatusCode);
        Assert.Contains("visible to you", await hidden.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await app.WithDb(db => db.Set<Sighting>().AnyAsync(s => s.Subject == "HIDDEN01")));
    }

    [Fact]
    public async Task A_viewer_sees_the_entry_forms_disabled_and_cannot_post_them()
    {
        using var viewer = await app.SignInWebAsync("pk.viewer");
        var page = await viewer.Client.GetStringAsync("/Tracking/NewPosition");
        Assert.Contains("<fieldset disabled=\"disabled\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"save-position\"", page, StringComparison.Ordinal);

        var refused = await viewer.PostFormAsync("/Tracking/NewPosition", [F("Device", "demo-convoy-lead"), F("Time", "2026-03-10T08:00"),
            F("Latitude", "24.9"), F("Longitude", "67.1")]);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task A_position_entered_on_the_page_is_stored_with_its_speed_and_a_bad_latitude_is_named()
    {
        using var coordinator = await app.SignInWebAsync("pk.coordinator");
        var page = await coordinator.Client.GetStringAsync("/Tracking/NewPosition");
        Assert.Contains("data-geo-point=\"true\"", page, StringComparison.Ordinal);

        var bad = await coordinator.PostFormAsync("/Tracking/NewPosition", [F("Device", "demo-convoy-escort"), F("Time", "2026-03-10T08:00"),
            F("Latitude", "95"), F("Longitude", "1e309")]);
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("data-field=\"longitude\"", badHtml, StringComparison.Ordinal);

        var outOfRange = await coordinator.PostFormAsync("/Tracking/NewPosition", [F("Device", "demo-convoy-escort"), F("Time", "2026-03-10T08:00"),
            F("Latitude", "95"), F("Longitude", "67.1")]);
        Assert.Contains("data-field=\"latitude\"", await outOfRange.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var stored = await coordinator.PostFormAsync("/Tracking/NewPosition", [F("Device", "demo-convoy-escort"), F("Time", "2026-03-10T08:01"),
            F("Latitude", "24.9011"), F("Longitude", "67.1011"), F("SpeedKmh", "36")]);
        Assert.Equal("/Tracking/NewPosition", BrowserlessSession.FinalPath(stored));
        var position = await app.WithDb(db => db.Set<Position>()
            .Where(p => db.Set<Device>().Any(d => d.Id == p.DeviceId && d.UniqueId == "demo-convoy-escort") && p.Latitude == 24.9011).SingleAsync());
        Assert.Equal(10, position.Speed!.Value, 6);
    }

    [Fact]
    public async Task An_uploaded_csv_track_is_previewed_then_stored_and_a_bad_file_names_its_lines()
    {
        using var coordinator = await app.SignInWebAsync("pk.coordinator");
        var bad = await UploadAsync(coordinator, "track.csv", "deviceId,time,lat,lon\ndemo-convoy-lead,2026-03-10T07:00:00Z,24.90,67.10\ndemo-convoy-lead,yesterday,24.91,67.11\ndemo-convoy-lead,2026-03-10T07:02:00Z,99,67.12\n");
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("data-field=\"line 3\"", badHtml, StringComparison.Ordinal);
        Assert.Contains("data-field=\"line 4\"", badHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"import-store\"", badHtml, StringComparison.Ordinal);

        var csv = new StringBuilder("deviceId,time,lat,lon,speed\n");
        for (var i = 0; i < 12; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"demo-convoy-lead,2026-03-10T07:{i:00}:00Z,{24.90 + i * 0.001},{67.10 + i * 0.001},8\n");
        }
        var preview = await UploadAsync(coordinator, "convoy.csv", csv.ToString());
        var html = await preview.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("data-testid=\"import-preview-result\" data-points=\"12\"", html, StringComparison.Ordinal);
        Assert.Equal(10, html.Split("data-testid=\"import-point\"").Length - 1);
        Assert.Contains("data-track-preview=\"true\"", html, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(new DateTime(2026, 3, 10, 7, 0, 0, DateTimeKind.Utc)));

        var upload = System.Text.RegularExpressions.Regex.Match(html, "name=\"Upload\" value=\"([0-9a-f]{32})\"").Groups[1].Value;
        var stored = await coordinator.PostFormAsync("/Tracking/ImportTrack", [F("Upload", upload), F("Format", "Csv"), F("Device", "")], handler: "Store");
        Assert.Contains("data-testid=\"import-stored\" data-accepted=\"12\"", await stored.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(12, await CountAsync(new DateTime(2026, 3, 10, 7, 0, 0, DateTimeKind.Utc)));

        var again = await coordinator.PostFormAsync("/Tracking/ImportTrack", [F("Upload", upload), F("Format", "Csv")], handler: "Store");
        Assert.Contains("data-field=\"upload\"", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gpx_track_needs_its_tracker_and_another_users_upload_cannot_be_stored()
    {
        using var coordinator = await app.SignInWebAsync("pk.coordinator");
        const string gpx = """
            <?xml version="1.0"?>
            <gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg>
            <trkpt lat="24.95" lon="67.05"><time>2026-03-10T06:00:00Z</time></trkpt>
            <trkpt lat="24.96" lon="67.06"><time>2026-03-10T06:01:00Z</time></trkpt>
            </trkseg></trk></gpx>
            """;
        var noDevice = await UploadAsync(coordinator, "walk.gpx", gpx);
        Assert.Contains("data-field=\"device\"", await noDevice.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var preview = await UploadAsync(coordinator, "walk.gpx", gpx, device: "demo-convoy-escort");
        var html = await preview.Content.ReadAsStringAsync();
        Assert.Contains("data-points=\"2\"", html, StringComparison.Ordinal);
        var upload = System.Text.RegularExpressions.Regex.Match(html, "name=\"Upload\" value=\"([0-9a-f]{32})\"").Groups[1].Value;

        using var other = await app.SignInWebAsync("pk.analyst");
        var stolen = await other.PostFormAsync("/Tracking/ImportTrack", [F("Upload", upload), F("Format", "Gpx"), F("Device", "demo-convoy-escort")], handler: "Store");
        Assert.Contains("data-field=\"upload\"", await stolen.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(new DateTime(2026, 3, 10, 6, 0, 0, DateTimeKind.Utc)));
    }

    private Task<int> CountAsync(DateTime hour) => app.WithDb(db => db.Set<Position>().CountAsync(p => p.Time >= hour && p.Time < hour.AddHours(1)));

    private static async Task<HttpResponseMessage> UploadAsync(BrowserlessSession session, string fileName, string content, string device = "")
    {
        var token = await session.AntiforgeryTokenAsync("/Tracking/ImportTrack");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(fileName.EndsWith(".gpx", StringComparison.Ordinal) ? "application/gpx+xml" : "text/csv");
        form.Add(file, "TrackFile", fileName);
        form.Add(new StringContent(device), "Device");
        form.Add(new StringContent(token), "__RequestVerificationToken");
        return await session.Client.PostAsync("/Tracking/ImportTrack?handler=Preview", form);
    }
}
