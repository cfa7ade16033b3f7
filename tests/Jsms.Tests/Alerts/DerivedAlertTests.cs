using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jsms.Features.Alerts;
using Jsms.Features.Protection;
using Jsms.Features.Tracking;
using Jsms.Tests.Consultations;
using Jsms.Tests.Infrastructure;
using Jsms.Tests.Tracking;

namespace Jsms.Tests.Alerts;

/// <summary>
/// The derived-record rule (docs/access-policy.md): an alert reveals its tracker's plate, id and positions only to readers of
/// the tracker; others who read the alert get "a subject not released to you entered the zone". And only the alert's owner
/// agency's writers act on it.
/// </summary>
public sealed class DerivedAlertTests(TrackingTestApp app) : IClassFixture<TrackingTestApp>
{
    private static readonly string[] ToChina = ["CN-MPS"];

    private static JsonElement AlertAt(List<JsonElement> alerts, Guid siteId, string kind)
        => Assert.Single(alerts, a => a.GetProperty("kind").GetString() == kind && a.TryGetProperty("siteId", out var s) && s.ValueKind == JsonValueKind.String && s.GetGuid() == siteId);

    private static void AssertRedacted(JsonElement alert)
    {
        Assert.True(alert.GetProperty("redacted").GetBoolean());
        Assert.Equal(JsonValueKind.Null, alert.GetProperty("subjectLabel").ValueKind);
        Assert.Equal(JsonValueKind.Null, alert.GetProperty("latitude").ValueKind);
        Assert.Equal(JsonValueKind.Null, alert.GetProperty("longitude").ValueKind);
        Assert.Equal(JsonValueKind.Null, alert.GetProperty("evidence").ValueKind);
        Assert.Equal(JsonValueKind.Null, alert.GetProperty("detail").ValueKind);
        Assert.Contains("not released to you", alert.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    private async Task<(string UniqueId, string Plate)> NewDevice(string user, object? marking)
    {
        using var client = await app.LoginAs(user);
        var uniqueId = AlertViews.Token("trk-");
        var plate = AlertViews.Token("PL");
        await (await client.Post("/api/devices", new { uniqueId, name = "Tracker", kind = "VehicleTracker", subject = plate, marking })).Read<DeviceDto>(HttpStatusCode.Created);
        return (uniqueId, plate);
    }

    private async Task<Guid> NewSite(string user, double lat, double lon, object? marking)
    {
        using var client = await app.LoginAs(user);
        return (await (await client.Post("/api/sites", AlertViews.Site(AlertViews.Token("Site "), lat, lon, marking))).Read<SiteDto>(HttpStatusCode.Created)).Id;
    }

    [Fact]
    public async Task A_partners_amber_strict_tracker_entering_my_zone_shows_me_no_plate_id_or_position()
    {
        const double lat = 33.70, lon = 73.05;
        var site = await NewSite("pk.analyst", lat, lon, null);
        var (tracker, plate) = await NewDevice("cn.liaison", new { tlp = "AMBER+STRICT" });
        using var cn = await app.LoginAs("cn.liaison");
        Assert.Equal(1, await AlertViews.PostPositionsAsync(cn, tracker, (app.Clock.GetUtcNow().UtcDateTime, lat, lon)));

        var (alerts, seen) = await AlertViews.EverythingSeenAsync(app, "pk.coordinator");
        var alert = AlertAt(alerts, site, "site.enter");
        AssertRedacted(alert);
        Assert.Equal(site, alert.GetProperty("siteId").GetGuid());
        Assert.DoesNotContain(tracker, seen, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(plate, seen, StringComparison.OrdinalIgnoreCase);

        // The same alert in full for a reader of the tracker as well as the site: a PK tracker in the same zone, for contrast.
        var (own, ownPlate) = await NewDevice("pk.analyst", null);
        using var pk = await app.LoginAs("pk.analyst");
        Assert.Equal(1, await AlertViews.PostPositionsAsync(pk, own, (app.Clock.GetUtcNow().UtcDateTime, lat, lon)));
        var full = Assert.Single(await pk.GetAs<List<AlertDto>>("/api/alerts?kind=site.enter&limit=1000"), a => a.SiteId == site && a.SubjectLabel == ownPlate);
        Assert.False(full.Redacted);
        Assert.Equal(lat, full.Latitude);
    }

    [Fact]
    public async Task An_amber_strict_tracker_entering_a_green_site_is_redacted_for_the_partners_who_read_the_site()
    {
        const double lat = 33.80, lon = 73.15;
        var site = await NewSite("pk.analyst", lat, lon, new { tlp = "GREEN" });
        var (tracker, plate) = await NewDevice("pk.analyst", new { tlp = "AMBER+STRICT" });
        using var pk = await app.LoginAs("pk.analyst");
        Assert.Equal(1, await AlertViews.PostPositionsAsync(pk, tracker, (app.Clock.GetUtcNow().UtcDateTime, lat, lon)));

        var (pkAlerts, _) = await AlertViews.EverythingSeenAsync(app, "pk.analyst");
        Assert.False(AlertAt(pkAlerts, site, "site.enter").GetProperty("redacted").GetBoolean());
        foreach (var partner in new[] { "cn.liaison", "ru.analyst" })
        {
            var (alerts, seen) = await AlertViews.EverythingSeenAsync(app, partner);
            AssertRedacted(AlertAt(alerts, site, "site.enter"));
            Assert.DoesNotContain(tracker, seen, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(plate, seen, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task A_route_deviation_is_redacted_for_the_movement_once_the_tracker_is_no_longer_released_to_it()
    {
        using var pk = await app.LoginAs("pk.analyst");
        var (tracker, plate) = await NewDevice("pk.analyst", new { tlp = "AMBER", releaseTo = ToChina });
        using var cn = await app.LoginAs("cn.liaison");
        var movement = await (await cn.Post("/api/movements", new
        {
            name = AlertViews.Token("Convoy "),
            status = "UnderWay",
            vehicles = new[] { tracker },
            route = JsonDocument.Parse("{\"type\":\"LineString\",\"coordinates\":[[72.00,34.00],[72.10,34.00]]}").RootElement,
            corridorMetres = 200,
        })).Read<MovementDto>(HttpStatusCode.Created);
        var t = app.Clock.GetUtcNow().UtcDateTime;
        // Three positions 5 km off the route: a deviation.
        await AlertViews.PostPositionsAsync(pk, tracker, (t.AddSeconds(-30), 34.05, 72.02), (t.AddSeconds(-20), 34.05, 72.03), (t.AddSeconds(-10), 34.05, 72.04));

        using var coordinator = await app.LoginAs("cn.coordinator");
        var deviation = Assert.Single(await coordinator.GetAs<List<AlertDto>>("/api/alerts?kind=route.deviation&limit=1000"), a => a.SubjectId == movement.Id);
        Assert.False(deviation.Redacted);
        Assert.Equal(tracker, deviation.SubjectLabel);

        // PK withdraws the release: the copy of the tracker's marking follows, and the movement's readers see the alert redacted.
        var device = Assert.Single(await pk.GetAs<List<DeviceDto>>("/api/devices"), d => d.UniqueId == tracker);
        Assert.Equal(HttpStatusCode.OK, (await pk.PutAsJsonAsync($"/api/devices/{device.Id}",
            new { uniqueId = tracker, name = "Tracker", kind = "VehicleTracker", subject = plate, marking = new { tlp = "AMBER+STRICT" } })).StatusCode);
        var (alerts, seen) = await AlertViews.EverythingSeenAsync(app, "cn.coordinator");
        var redacted = Assert.Single(alerts, a => a.GetProperty("kind").GetString() == "route.deviation" && a.GetProperty("subjectId").GetGuid() == movement.Id);
        AssertRedacted(redacted);
        Assert.DoesNotContain(tracker, seen, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(plate, seen, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Only_the_owner_agencys_writers_acknowledge_or_resolve_an_alert()
    {
        const double lat = 33.90, lon = 73.25;
        var site = await NewSite("pk.analyst", lat, lon, new { tlp = "GREEN" });
        var (tracker, _) = await NewDevice("pk.analyst", null);
        using var pk = await app.LoginAs("pk.analyst");
        Assert.Equal(1, await AlertViews.PostPositionsAsync(pk, tracker, (app.Clock.GetUtcNow().UtcDateTime, lat, lon)));
        var alert = Assert.Single(await pk.GetAs<List<AlertDto>>("/api/alerts?kind=site.enter&limit=1000"), a => a.SiteId == site);

        foreach (var user in new[] { "cn.liaison", "ru.analyst", "pk.viewer" })
        {
            using var client = await app.LoginAs(user);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/alerts/{alert.Id}")).StatusCode);
            var ack = await client.PostAsync($"/api/alerts/{alert.Id}/acknowledge", null);
            Assert.Equal(HttpStatusCode.Forbidden, ack.StatusCode);
            Assert.Equal(403, (await ack.ProblemAsync()).Status);
            var resolve = await client.Post($"/api/alerts/{alert.Id}/resolve", new { note = "not mine" });
            Assert.Equal(HttpStatusCode.Forbidden, resolve.StatusCode);
            Assert.Equal(403, (await resolve.ProblemAsync()).Status);
        }
        // An observer does not receive GREEN: the alert does not exist for it.
        using (var us = await app.LoginAs("us.analyst"))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await us.PostAsync($"/api/alerts/{alert.Id}/acknowledge", null)).StatusCode);
        }
        Assert.Equal(AlertStatus.Open, (await pk.GetAs<AlertDto>($"/api/alerts/{alert.Id}")).Status);
        Assert.Equal(AlertStatus.Acknowledged, (await (await pk.PostAsync($"/api/alerts/{alert.Id}/acknowledge", null)).Read<AlertDto>()).Status);
        Assert.Equal(AlertStatus.Resolved, (await (await pk.Post($"/api/alerts/{alert.Id}/resolve", new { note = "checked" })).Read<AlertDto>()).Status);
    }
}
