using System.Net;
using System.Text.Json;
using Jsms.Features.Alerts;
using Jsms.Features.Operations;
using Jsms.Features.Tracking;
using Jsms.Tests.Infrastructure;
using Jsms.Tests.Tracking;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Tests.Operations;

/// <summary>
/// The trackers of a deployed team are watched against its consent: leaving the consented area, staying after it lapsed
/// (seen there, or sitting still when the clock passes the lapse) and being there before it starts each raise one alert
/// per episode for the host's coordinators and the requester; nothing is raised while the team is inside and the consent valid.
/// </summary>
public sealed class DeploymentWatchTests(TrackingTestApp app) : IClassFixture<TrackingTestApp>
{
    private const double InLat = 24.85, InLon = 67.0, OutLat = 24.85, OutLon = 67.6;

    private Task<List<Alert>> AlertsOf(Guid consentId) => app.WithDb(db => db.Set<Alert>().AsNoTracking()
        .Where(a => a.SubjectId == consentId && a.Kind.StartsWith("deployment.")).OrderBy(a => a.RaisedAt).ToListAsync());

    /// <summary>One fix, sent when it is taken (the clock moved to it).</summary>
    private async Task Report(HttpClient client, string tracker, DateTimeOffset at, double lat, double lon)
    {
        if (at > app.Clock.GetUtcNow())
        {
            app.Clock.Set(at);
        }
        Assert.Equal(1, (await (await client.Post("/api/tracking/positions", new[] { new { deviceId = tracker, time = at.UtcDateTime, latitude = lat, longitude = lon } }))
            .Read<IngestResult>()).Accepted);
    }

    [Fact]
    public async Task A_tracker_leaving_the_consented_area_raises_one_alert_per_episode_and_none_while_inside()
    {
        using var team = await app.LoginAs("cn.coordinator");
        var tracker = await ConsentArrange.TrackerAsync(team, "mps-car");
        var t0 = app.Clock.GetUtcNow().AddMinutes(5);
        var consent = await ConsentArrange.GrantAsync(app, t0.UtcDateTime.AddHours(-1), t0.UtcDateTime.AddDays(1), ConsentArrange.Karachi, tracker);
        app.Clock.Set(t0);

        for (var m = 0; m < 3; m++)
        {
            await Report(team, tracker, t0.AddMinutes(m), InLat, InLon + m * 0.01);
        }
        await app.TickAt(t0.AddMinutes(3));
        Assert.Empty(await AlertsOf(consent.ConsentId));

        await Report(team, tracker, t0.AddMinutes(4), OutLat, OutLon);
        await Report(team, tracker, t0.AddMinutes(5), OutLat, OutLon + 0.01);
        var left = Assert.Single(await Eventually.Value(() => AlertsOf(consent.ConsentId), a => a.Count > 0, "the leaving alert"));
        Assert.Equal("deployment.outside", left.Kind);
        Assert.Equal(tracker, left.SubjectLabel);
        Assert.Equal(t0.AddMinutes(4).UtcDateTime, left.RaisedAt);
        using (var evidence = JsonDocument.Parse(left.Evidence!))
        {
            Assert.Equal([InLat, OutLat], evidence.RootElement.EnumerateArray().Select(e => e.GetProperty("latitude").GetDouble()));
        }

        // Back inside, then out again: a second episode.
        await Report(team, tracker, t0.AddMinutes(6), InLat, InLon);
        await Report(team, tracker, t0.AddMinutes(7), OutLat, OutLon);
        await Eventually.True(async () => (await AlertsOf(consent.ConsentId)).Count == 2, "the second leaving alert");

        foreach (var (user, expected) in new[] { ("pk.coordinator", HttpStatusCode.OK), ("cn.coordinator", HttpStatusCode.OK), ("cn.liaison", HttpStatusCode.OK),
                     ("pk.viewer", HttpStatusCode.NotFound), ("ru.analyst", HttpStatusCode.NotFound) })
        {
            using var client = await app.LoginAs(user);
            Assert.Equal(expected, (await client.GetAsync($"/api/alerts/{left.Id}")).StatusCode);
        }
    }

    [Fact]
    public async Task A_tracker_sitting_inside_after_the_consent_expires_raises_one_alert_from_the_clock_at_the_expiry()
    {
        using var team = await app.LoginAs("cn.coordinator");
        var tracker = await ConsentArrange.TrackerAsync(team, "mps-van");
        var t0 = app.Clock.GetUtcNow().AddMinutes(5);
        var end = t0.AddMinutes(30);
        var consent = await ConsentArrange.GrantAsync(app, t0.UtcDateTime.AddHours(-1), end.UtcDateTime, ConsentArrange.Karachi, tracker);
        app.Clock.Set(t0);
        await Report(team, tracker, t0.AddMinutes(10), InLat, InLon);

        await app.TickAt(t0.AddMinutes(29));
        Assert.Empty(await AlertsOf(consent.ConsentId));

        await app.TickAt(t0.AddMinutes(31));
        var lapsed = Assert.Single(await Eventually.Value(() => AlertsOf(consent.ConsentId), a => a.Count > 0, "the lapse alert"));
        Assert.Equal("deployment.lapsed", lapsed.Kind);
        Assert.Equal(end.UtcDateTime, lapsed.RaisedAt);
        Assert.Contains("expired", lapsed.Title);

        // Still there, reporting again: the same episode.
        await Report(team, tracker, t0.AddMinutes(35), InLat, InLon);
        await app.TickAt(t0.AddMinutes(40));
        Assert.Single(await AlertsOf(consent.ConsentId));
    }

    [Fact]
    public async Task A_tracker_seen_inside_after_the_host_revoked_the_consent_raises_one_alert()
    {
        using var team = await app.LoginAs("cn.coordinator");
        var tracker = await ConsentArrange.TrackerAsync(team, "mps-jeep");
        var t0 = app.Clock.GetUtcNow().AddMinutes(5);
        var consent = await ConsentArrange.GrantAsync(app, t0.UtcDateTime.AddHours(-1), t0.UtcDateTime.AddDays(3), ConsentArrange.Karachi, tracker);
        app.Clock.Set(t0);
        await Report(team, tracker, t0, InLat, InLon);
        await ConsentArrange.SetStatusAsync(app, consent.ConsentId, ConsentStatus.Revoked, t0.UtcDateTime.AddMinutes(1));
        await Report(team, tracker, t0.AddMinutes(2), InLat, InLon + 0.001);

        var lapsed = Assert.Single(await Eventually.Value(() => AlertsOf(consent.ConsentId), a => a.Count > 0, "the revocation alert"));
        Assert.Equal("deployment.lapsed", lapsed.Kind);
        Assert.Contains("revoked", lapsed.Title);
    }

    [Fact]
    public async Task A_tracker_inside_before_the_consent_starts_raises_one_alert_and_none_once_it_has_started()
    {
        using var team = await app.LoginAs("cn.coordinator");
        var tracker = await ConsentArrange.TrackerAsync(team, "mps-truck");
        var t0 = app.Clock.GetUtcNow().AddMinutes(5);
        var consent = await ConsentArrange.GrantAsync(app, t0.UtcDateTime.AddMinutes(10), t0.UtcDateTime.AddDays(1), ConsentArrange.Karachi, tracker);
        app.Clock.Set(t0);
        await Report(team, tracker, t0, InLat, InLon);
        await Report(team, tracker, t0.AddMinutes(5), InLat, InLon);
        await Report(team, tracker, t0.AddMinutes(12), InLat, InLon);
        await app.TickAt(t0.AddMinutes(13));

        var early = Assert.Single(await AlertsOf(consent.ConsentId));
        Assert.Equal("deployment.early", early.Kind);
        Assert.Equal(t0.UtcDateTime, early.RaisedAt);
    }
}
