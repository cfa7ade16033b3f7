using System.Net;
using System.Text.Json;
using Jsms.Platform.Access;
using Jsms.Features.Alerts;
using Jsms.Features.Partners;
using Jsms.Platform.Partners;
using Jsms.Features.Protection;
using Jsms.Features.Tracking;
using Jsms.Tests.Alerts;
using Jsms.Tests.Consultations;
using Jsms.Tests.Infrastructure;
using Jsms.Tests.Tracking;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Jsms.Tests.Access;

/// <summary>
/// The derived-record rule over random worlds: sites and trackers with random markings (levels, release-to lists, named
/// recipients) owned by random agencies, positions posted through the real ingest; then every user's view of the alerts
/// (list, one by one, stream replay, the Alerts page) is checked against the reference policy of
/// <see cref="Reference"/>: an alert is received when its site is readable, in full only when the tracker is readable
/// too, and no user ever receives the id, plate or name of a tracker or site it may not read.
/// </summary>
public sealed class DerivedRecordPropertyTests(TrackingTestApp app, ITestOutputHelper output) : IClassFixture<TrackingTestApp>
{
    private const int Seed = 20261206;

    private static readonly string[] Writers = ["pk.analyst", "pk.coordinator", "cn.liaison", "cn.coordinator", "ru.analyst", "ir.coordinator", "us.analyst", "sindh.analyst"];
    private static readonly string[] Readers = [.. Writers, "pk.viewer"];

    private sealed record Thing(Guid Id, string Label, string Name, string Creator, WorldRecord Record);

    [Fact]
    public async Task No_reader_receives_an_identifier_position_or_label_of_a_tracker_or_site_it_may_not_read_through_any_alert()
    {
        await app.AddUserAsync("sindh.analyst", "PK-SINDH");
        var random = new Random(Seed);
        var world = await WorldOfAsync();
        var users = world.Users.ToDictionary(u => u.Name);
        var codes = world.Agencies.Select(a => a.Code).ToArray();
        string[] levels = ["CLEAR", "GREEN", "AMBER", "AMBER+STRICT", "RED"];

        object Marking()
        {
            var releaseTo = codes.Where(_ => random.NextDouble() < 0.25).ToArray();
            var recipients = Readers.Where(_ => random.NextDouble() < 0.1).ToArray();
            return new { tlp = levels[random.Next(levels.Length)], releaseTo, recipients };
        }

        async Task<WorldRecord> RecordOf(Guid id, string creator)
        {
            var (tlp, owner, grants, named) = await app.WithDb(async db =>
            {
                var grants = await db.Set<ReleaseGrant>().Where(g => g.RecordId == id).Select(g => g.AgencyId).ToListAsync();
                var named = await db.Set<NamedRecipient>().Where(n => n.RecordId == id).Select(n => n.UserId).ToListAsync();
                var marked = await db.Set<Site>().Where(s => s.Id == id).Select(s => new { s.Tlp, s.OwnerAgencyId }).FirstOrDefaultAsync()
                    ?? await db.Set<Device>().Where(d => d.Id == id).Select(d => new { d.Tlp, d.OwnerAgencyId }).FirstAsync();
                return (marked.Tlp, marked.OwnerAgencyId, grants, named);
            });
            return new WorldRecord(id, tlp, owner, users[creator].Id, [.. grants], [.. named]);
        }

        var sites = new List<(Thing Site, double Lat, double Lon)>();
        for (var i = 0; i < 6; i++)
        {
            var creator = Writers[random.Next(Writers.Length)];
            using var client = await app.LoginAs(creator);
            var (lat, lon) = (35.0 + i * 0.05, 70.0);
            var body = AlertViews.Site(AlertViews.Token("Site "), lat, lon, Marking());
            var site = await (await client.Post("/api/sites", body)).Read<SiteDto>(HttpStatusCode.Created);
            sites.Add((new Thing(site.Id, site.Name, site.Name, creator, await RecordOf(site.Id, creator)), lat, lon));
        }
        var trackers = new List<(Thing Tracker, string UniqueId)>();
        for (var i = 0; i < 14; i++)
        {
            var creator = Writers[random.Next(Writers.Length)];
            using var client = await app.LoginAs(creator);
            var uniqueId = AlertViews.Token("prop-");
            var plate = AlertViews.Token("PP");
            var device = await (await client.Post("/api/devices", new { uniqueId, name = AlertViews.Token("Tracker "), kind = "VehicleTracker", subject = plate, marking = Marking() }))
                .Read<DeviceDto>(HttpStatusCode.Created);
            trackers.Add((new Thing(device.Id, plate, device.Name, creator, await RecordOf(device.Id, creator)), uniqueId));
        }

        // Each tracker enters one or two sites, posted by its creator through the ingest.
        var t = app.Clock.GetUtcNow().UtcDateTime.AddMinutes(-20);
        var entered = new HashSet<(Guid Site, Guid Tracker)>();
        foreach (var (tracker, uniqueId) in trackers)
        {
            using var client = await app.LoginAs(tracker.Creator);
            foreach (var (site, lat, lon) in sites.OrderBy(_ => random.Next()).Take(1 + random.Next(2)))
            {
                t = t.AddSeconds(20);
                await AlertViews.PostPositionsAsync(client, uniqueId, (t, lat, lon));
                entered.Add((site.Id, tracker.Id));
            }
        }
        var stored = await app.WithDb(db => db.Set<Alert>().AsNoTracking().Where(a => a.Kind == "site.enter").Select(a => new { a.Id, a.SiteId, a.SubjectLabel }).ToListAsync());
        var truth = new Dictionary<Guid, (Thing Site, Thing Tracker)>();
        foreach (var a in stored)
        {
            if (sites.FirstOrDefault(s => s.Site.Id == a.SiteId).Site is { } site && trackers.FirstOrDefault(k => k.Tracker.Label == a.SubjectLabel).Tracker is { } tracker)
            {
                truth[a.Id] = (site, tracker);
            }
        }
        Assert.Equal(entered.Count, truth.Count);

        var checks = 0;
        var full = 0;
        var redacted = 0;
        var failures = new List<string>();
        foreach (var name in Readers)
        {
            var user = users[name];
            var (alerts, seen) = await AlertViews.EverythingSeenAsync(app, name);
            var received = alerts.ToDictionary(a => a.GetProperty("id").GetGuid());
            foreach (var (id, (site, tracker)) in truth)
            {
                checks++;
                var readsSite = Reference.CanRead(world, user, site.Record);
                var readsTracker = Reference.CanRead(world, user, tracker.Record);
                if (received.TryGetValue(id, out var alert) != readsSite)
                {
                    failures.Add($"{name}: alert of {tracker.Label} at {site.Name} received {received.ContainsKey(id)}, site readable {readsSite}");
                    continue;
                }
                if (!readsSite)
                {
                    continue;
                }
                var isRedacted = alert.GetProperty("redacted").GetBoolean();
                (isRedacted ? ref redacted : ref full)++;
                if (isRedacted == readsTracker)
                {
                    failures.Add($"{name}: alert of {tracker.Label} ({tracker.Record.Tlp}) at {site.Name} redacted {isRedacted}, tracker readable {readsTracker}");
                }
                if (isRedacted && (alert.GetProperty("subjectLabel").ValueKind != JsonValueKind.Null || alert.GetProperty("latitude").ValueKind != JsonValueKind.Null
                    || alert.GetProperty("evidence").ValueKind != JsonValueKind.Null))
                {
                    failures.Add($"{name}: redacted alert {id} still carries a label, position or evidence");
                }
            }
            foreach (var (thing, secret) in trackers.SelectMany(k => new[] { (k.Tracker, k.UniqueId), (k.Tracker, k.Tracker.Label), (k.Tracker, k.Tracker.Name) })
                .Concat(sites.Select(s => (s.Site, s.Site.Name))))
            {
                if (!Reference.CanRead(world, user, thing.Record) && seen.Contains(secret, StringComparison.OrdinalIgnoreCase))
                {
                    failures.Add($"{name} received '{secret}' of a record it may not read ({thing.Record.Tlp})");
                }
            }
        }
        output.WriteLine($"{checks} (user, alert) pairs on {TestDatabase.Provider}: {full} full, {redacted} redacted");
        Assert.True(full > 0 && redacted > 0, $"degenerate world: {full} full, {redacted} redacted");
        Assert.True(failures.Count == 0, $"{failures.Count} failures (seed {Seed}):\n" + string.Join("\n", failures.Take(30)));
    }

    /// <summary>The demo world as the reference policy sees it: agencies, partnerships with members and observers, users.</summary>
    private async Task<RandomWorld> WorldOfAsync() => await app.WithDb(async db =>
    {
        var world = new RandomWorld();
        world.Agencies.AddRange((await db.Set<Agency>().Select(a => new { a.Id, a.Code }).ToListAsync()).Select(a => (a.Id, a.Code)));
        var members = await db.Set<PartnershipMember>().ToListAsync();
        foreach (var p in members.GroupBy(m => m.PartnershipId))
        {
            world.Partnerships.Add(new WorldPartnership(p.Key, p.Key.ToString(),
                [.. p.Where(m => m.Role == PartnershipRole.Member).Select(m => m.AgencyId)], [.. p.Where(m => m.Role == PartnershipRole.Observer).Select(m => m.AgencyId)]));
        }
        var users = await db.Users.Where(u => Readers.Contains(u.UserName!)).Select(u => new { u.Id, u.UserName, u.AgencyId }).ToListAsync();
        world.Users.AddRange(users.Select(u => new WorldUser(u.Id, u.UserName!, u.AgencyId, [])));
        return world;
    });
}
