using System.Net;
using System.Text.Json;
using Jsms.Platform.Access;
using Jsms.Features.Alerts;
using Jsms.Features.Tracking;
using Jsms.Tests.Alerts;
using Jsms.Tests.Consultations;
using Jsms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Tests.Tracking;

/// <summary>
/// The triggering case, end to end over HTTP: a pick-up truck waits near the outer perimeter of Jinnah
/// International Airport (demo site: 500 m watch zone, 30-minute threshold) and is sighted by the perimeter
/// ANPR cameras every few minutes for 40 minutes.
/// </summary>
public sealed class KarachiReplayTests(TrackingTestApp app) : IClassFixture<TrackingTestApp>
{
    private static readonly string[] Cameras = ["KHI-ANPR-01", "KHI-ANPR-02"];

    private static async Task<IngestResult> Sight(HttpClient camera, string plate, DateTimeOffset at, int index)
        => await (await camera.Post("/api/tracking/sightings", new[] { new { sensorId = Cameras[index % 2], subject = plate, time = at.UtcDateTime } }))
            .Read<IngestResult>();

    private static async Task<List<AlertDto>> LoiteringAlerts(HttpClient client, string plate)
        => (await client.GetAs<List<AlertDto>>("/api/alerts?kind=loitering&limit=1000")).Where(a => a.SubjectLabel == plate).ToList();

    [Fact]
    public async Task A_truck_sighted_by_perimeter_cameras_for_40_minutes_raises_one_loitering_alert_when_the_threshold_passes_with_its_evidence()
    {
        await using var owner = await SseReader.OpenAsync(app, "pk.coordinator");
        await using var outsider = await SseReader.OpenAsync(app, "ru.analyst");
        using var camera = await app.LoginAs("pk.analyst");
        using var coordinator = await app.LoginAs("pk.coordinator");
        // Cameras read the plate in different ways; it is compared without case, spaces or dashes.
        const string plate = "KHI4521";

        var t0 = app.Clock.GetUtcNow().AddHours(1);
        for (var i = 0; i * 4 <= 40; i++)
        {
            var at = t0.AddMinutes(i * 4);
            app.Clock.Set(at);
            Assert.Equal(1, (await Sight(camera, i % 2 == 0 ? "khi 4521" : "KHI-4521", at, i)).Accepted);
            var alerts = await LoiteringAlerts(coordinator, plate);
            if (at < t0.AddMinutes(30))
            {
                Assert.Empty(alerts);
            }
        }

        var alert = Assert.Single(await LoiteringAlerts(coordinator, plate));
        Assert.Equal(AlertSeverity.High, alert.Severity);
        Assert.Equal(t0.AddMinutes(30).UtcDateTime, alert.RaisedAt);
        Assert.Equal("AMBER", alert.Tlp);
        var siteId = await app.WithDb(db => db.Set<Jsms.Features.Protection.Site>().Where(s => s.Name == Jsms.Features.Demo.DemoTracking.AirportSiteName).Select(s => s.Id).SingleAsync());
        Assert.Equal(siteId, alert.SiteId);

        // Evidence: the stored sightings at 0, 4, ..., 28 minutes, by id and time.
        var evidence = alert.Evidence!.Value.EnumerateArray().ToList();
        Assert.Equal(8, evidence.Count);
        var stored = await app.WithDb(db => db.Set<Sighting>().Where(s => s.Subject == plate).OrderBy(s => s.Time).Take(8).Select(s => new { s.Id, s.Time }).ToListAsync());
        Assert.Equal(stored.Select(s => s.Id), evidence.Select(e => e.GetProperty("id").GetInt64()));
        Assert.Equal(stored.Select(s => s.Time), evidence.Select(e => e.GetProperty("time").GetDateTime().ToUniversalTime()));
        Assert.All(evidence, e => Assert.Equal("sighting", e.GetProperty("source").GetString()));

        // Pushed to the owner agency's subscriber; the site's partner agency (CN-MPS) may read it; RU-NAC may not.
        var pushed = await owner.WaitForAlertAsync(a => a.GetProperty("kind").GetString() == "loitering" && a.GetProperty("subjectLabel").GetString() == plate, TimeSpan.FromSeconds(10));
        Assert.NotNull(pushed);
        Assert.Equal(alert.Id, pushed.Value.GetProperty("id").GetGuid());
        using var liaison = await app.LoginAs("cn.liaison");
        Assert.Equal(HttpStatusCode.OK, (await liaison.GetAsync($"/api/alerts/{alert.Id}")).StatusCode);
        using var russian = await app.LoginAs("ru.analyst");
        Assert.Equal(HttpStatusCode.NotFound, (await russian.GetAsync($"/api/alerts/{alert.Id}")).StatusCode);
        // The outsider's stream skipped it: the next alert it gets is one raised after it that RU-NAC may read.
        var later = Assert.Single(await app.RaiseAsync("after-loitering", ("RU-NAC", Tlp.Amber)));
        var next = await outsider.WaitForAlertAsync(a => a.GetProperty("id").GetGuid() is var id && (id == alert.Id || id == later.Id), TimeSpan.FromSeconds(10));
        Assert.Equal(later.Id, next?.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task The_clock_raises_the_loitering_alert_when_the_threshold_passes_without_a_new_sighting()
    {
        using var camera = await app.LoginAs("pk.analyst");
        using var coordinator = await app.LoginAs("pk.coordinator");
        const string plate = "KHI7788";
        var t0 = app.Clock.GetUtcNow().AddHours(2);
        for (var i = 0; i * 5 <= 25; i++)
        {
            app.Clock.Set(t0.AddMinutes(i * 5));
            await Sight(camera, plate, t0.AddMinutes(i * 5), i);
        }
        // The timer ticks at minute 28 (the engine reaches a time no sighting brought): before the threshold, nothing.
        await app.TickAt(t0.AddMinutes(28));
        Assert.Empty(await LoiteringAlerts(coordinator, plate));

        // No report after minute 25: the timer sees the threshold pass at minute 30.
        app.Clock.Set(t0.AddMinutes(31));
        var alerts = await Eventually.Value(() => LoiteringAlerts(coordinator, plate), a => a.Count > 0, "the loitering alert raised by the timer",
            between: app.NextTick);
        var alert = Assert.Single(alerts);
        Assert.Equal(t0.AddMinutes(30).UtcDateTime, alert.RaisedAt);
        Assert.Equal(6, alert.Evidence!.Value.GetArrayLength());
    }
}
