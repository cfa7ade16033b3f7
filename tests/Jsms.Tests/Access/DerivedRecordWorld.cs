using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Jsms.Platform.Access;
using Jsms.Features.Accounts;
using Jsms.Platform.Identity;
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
/// The derived-record rule over random worlds richer than <see cref="DerivedRecordPropertyTests"/>, built and checked for <see cref="DerivedRecordWorldTests"/> and <see cref="DerivedRecordReferenceTests"/>: extra agencies in random
/// partnerships (as members or observers) with users of their own, so GREEN reach varies; sites, trackers, cameras and
/// movements with random markings; positions entering sites and leaving movement routes, sightings at cameras; then a
/// tracker's release withdrawn and everything posted again. Every reader's alerts (the live stream, opened before anything
/// was posted; then list, one by one, stream replay, the Alerts page) are checked against <see cref="Reference"/>: the alerts
/// received are exactly those whose own marking the reader may read, each redacted exactly when an input it reveals is not
/// readable, and no identifier, label or name of an unreadable tracker, camera, site or movement is ever received.
/// </summary>
internal sealed class DerivedRecordWorld(TrackingTestApp app, ITestOutputHelper output)
{
    private const int Seed = 20261207;

    private static readonly string[] DemoWriters = ["pk.analyst", "pk.coordinator", "cn.liaison", "cn.coordinator", "ru.analyst", "ir.coordinator", "us.analyst"];
    private static readonly string[] Levels = ["CLEAR", "GREEN", "AMBER", "AMBER+STRICT", "RED"];
    private static readonly string[] Withdrawn = [];
    private static readonly string[] Lists = ["/api/devices", "/api/sensors", "/api/sites", "/api/movements", "/api/movements/routes"];

    /// <summary>A record of the world with everything about it a reader who may not read it must never receive.</summary>
    private sealed class Thing(string kind, Guid id, string name, string creator)
    {
        public string Kind { get; } = kind;
        public Guid Id { get; } = id;
        public string Name { get; } = name;
        public string Creator { get; } = creator;
        public List<string> Secrets { get; } = [id.ToString(), name];
        public WorldRecord Record { get; set; } = null!;
        public double Lat { get; init; }
        public double Lon { get; init; }
        public string UniqueId { get; init; } = "";
        public string Plate { get; init; } = "";
        public override string ToString() => $"{Kind} {Name} ({Record.Tlp.Label()}, creator {Creator})";
    }

    /// <summary>What the reference model predicts about one stored alert: the record it belongs to and the inputs it reveals.</summary>
    private sealed record Expected(Guid Id, string Kind, Thing Anchor, Thing? Input, int Phase);

    /// <summary>Builds a world (its agencies' codes start with <paramref name="prefix"/>) and checks what every reader receives; with <paramref name="namingRecords"/> also the records that name trackers.</summary>
    public async Task RunAsync(string prefix, bool namingRecords)
    {
        var random = new Random(Seed);
        var log = new StringBuilder();

        // Agencies, partnerships and their users.
        using var admin = await app.LoginAs("admin");
        var states = (await admin.GetAs<List<StateDto>>("/api/partners/states")).Select(s => s.IsoCode).ToArray();
        var demoCodes = (await admin.GetAs<List<AgencyDto>>("/api/partners/agencies")).Select(a => a.Code).ToArray();
        var newCodes = new List<string>();
        var newUsers = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var code = $"{prefix}-{(char)('A' + i)}";
            await (await admin.Post("/api/partners/agencies", new { code, name = $"Agency {code}", kind = "Other", state = states[random.Next(states.Length)] }))
                .Read<AgencyDto>(HttpStatusCode.Created);
            newCodes.Add(code);
            var login = code.ToLowerInvariant().Replace("-", "", StringComparison.Ordinal);
            await app.AddUserAsync($"{login}.analyst", code, [JsmsRoles.Analyst]);
            await app.AddUserAsync($"{login}.coordinator", code, [JsmsRoles.Coordinator]);
            newUsers.AddRange([$"{login}.analyst", $"{login}.coordinator"]);
        }
        for (var i = 0; i < 2; i++)
        {
            var pool = newCodes.Concat(demoCodes.OrderBy(_ => random.Next()).Take(2)).ToList();
            var members = pool.Select(c => (Code: c, Roll: random.NextDouble())).Where(m => m.Roll < 0.8)
                .Select(m => new { agency = m.Code, role = m.Roll < 0.55 ? "Member" : "Observer" }).ToArray();
            await (await admin.Post("/api/partners/partnerships", new { name = $"World {prefix} partnership {i}", kind = "Multilateral", members }))
                .Read<PartnershipDto>(HttpStatusCode.Created);
            log.AppendLine($"partnership {i}: {string.Join(", ", members.Select(m => $"{m.agency} {m.role}"))}");
        }
        string[] writers = [.. DemoWriters, .. newUsers];
        string[] readers = [.. writers, "pk.viewer"];
        var world = await WorldOfAsync(readers);
        var users = world.Users.ToDictionary(u => u.Name);
        var codes = world.Agencies.Select(a => a.Code).ToArray();

        object Marking()
        {
            var releaseTo = codes.Where(_ => random.NextDouble() < 0.2).ToArray();
            var recipients = readers.Where(_ => random.NextDouble() < 0.08).ToArray();
            return new { tlp = Levels[random.Next(Levels.Length)], releaseTo, recipients };
        }
        async Task Mark(Thing thing) => thing.Record = await RecordOf(thing.Id, users[thing.Creator].Id);
        string Writer() => writers[random.Next(writers.Length)];

        var sites = new List<Thing>();
        for (var i = 0; i < 5; i++)
        {
            var creator = Writer();
            using var client = await app.LoginAs(creator);
            var (lat, lon) = (35.0 + i * 0.05, 70.0);
            var site = await (await client.Post("/api/sites", AlertViews.Site(AlertViews.Token("Site "), lat, lon, Marking()))).Read<SiteDto>(HttpStatusCode.Created);
            sites.Add(new Thing("site", site.Id, site.Name, creator) { Lat = lat, Lon = lon });
        }
        var trackers = new List<Thing>();
        for (var i = 0; i < 10; i++)
        {
            var creator = Writer();
            using var client = await app.LoginAs(creator);
            var (uniqueId, plate) = (AlertViews.Token("world-"), AlertViews.Token("PW"));
            var device = await (await client.Post("/api/devices", new { uniqueId, name = AlertViews.Token("Tracker "), kind = "VehicleTracker", subject = plate, marking = Marking() }))
                .Read<DeviceDto>(HttpStatusCode.Created);
            var tracker = new Thing("tracker", device.Id, device.Name, creator) { UniqueId = uniqueId, Plate = plate };
            tracker.Secrets.AddRange([uniqueId, plate]);
            trackers.Add(tracker);
        }
        var cameras = new List<Thing>();
        for (var i = 0; i < 3; i++)
        {
            var creator = Writer();
            var site = sites[random.Next(sites.Count)];
            using var client = await app.LoginAs(creator);
            var code = AlertViews.Token("CAM-");
            var sensor = await (await client.Post("/api/sensors", new { code, name = AlertViews.Token("Camera "), kind = "Camera", latitude = site.Lat, longitude = site.Lon, marking = Marking() }))
                .Read<SensorDto>(HttpStatusCode.Created);
            var camera = new Thing("camera", sensor.Id, sensor.Name, creator) { Lat = site.Lat, Lon = site.Lon, UniqueId = code };
            camera.Secrets.Add(code);
            cameras.Add(camera);
        }
        foreach (var thing in sites.Concat(trackers).Concat(cameras))
        {
            await Mark(thing);
        }
        var movements = new List<(Thing Movement, List<Thing> Vehicles, double Lat)>();
        for (var i = 0; movements.Count < 3 && i < 20; i++)
        {
            var creator = Writer();
            var vehicles = trackers.Where(k => Reference.CanRead(world, users[creator], k.Record)).OrderBy(_ => random.Next()).Take(1 + random.Next(2)).ToList();
            if (vehicles.Count == 0)
            {
                continue;
            }
            var lat = 36.0 + movements.Count * 0.2;
            using var client = await app.LoginAs(creator);
            var movement = await (await client.Post("/api/movements", new
            {
                name = AlertViews.Token("Convoy "),
                status = "UnderWay",
                vehicles = vehicles.Select(v => v.UniqueId).ToArray(),
                route = JsonDocument.Parse(FormattableString.Invariant($"{{\"type\":\"LineString\",\"coordinates\":[[71.00,{lat}],[71.10,{lat}]]}}")).RootElement,
                corridorMetres = 200,
                // A movement is need-to-know: always RED, released to named people only.
                marking = new { recipients = readers.Where(_ => random.NextDouble() < 0.15).ToArray() },
            })).Read<MovementDto>(HttpStatusCode.Created);
            var thing = new Thing("movement", movement.Id, movement.Name, creator);
            await Mark(thing);
            movements.Add((thing, vehicles, lat));
        }
        var everything = sites.Concat(trackers).Concat(cameras).Concat(movements.Select(m => m.Movement)).ToList();
        foreach (var m in movements)
        {
            log.AppendLine($"{m.Movement} with {string.Join(", ", m.Vehicles.Select(v => v.Name))}");
        }

        // Every reader listens before anything is posted.
        var streams = new Dictionary<string, SseReader>();
        try
        {
            foreach (var name in readers)
            {
                streams[name] = await SseReader.OpenAsync(app, name);
            }

            var t = app.Clock.GetUtcNow().UtcDateTime.AddMinutes(-40);
            var sighted = new Dictionary<string, Thing>();
            async Task PostPhaseAsync(int phase, IReadOnlyCollection<Thing> movers)
            {
                foreach (var tracker in movers)
                {
                    using var client = await app.LoginAs(tracker.Creator);
                    foreach (var site in sites.OrderBy(_ => random.Next()).Take(1 + random.Next(2)))
                    {
                        t = t.AddSeconds(20);
                        await AlertViews.PostPositionsAsync(client, tracker.UniqueId, (t, site.Lat, site.Lon));
                    }
                }
                foreach (var camera in cameras)
                {
                    using var client = await app.LoginAs(camera.Creator);
                    for (var i = 0; i < 1 + random.Next(2); i++)
                    {
                        t = t.AddSeconds(20);
                        var subject = AlertViews.Token($"S{phase}");
                        sighted[subject] = camera;
                        camera.Secrets.Add(subject);
                        await (await client.Post("/api/tracking/sightings", new[] { new { sensorId = camera.UniqueId, subject, time = t } })).Read<IngestResult>();
                    }
                }
                foreach (var (_, vehicles, lat) in movements)
                {
                    foreach (var vehicle in vehicles)
                    {
                        using var client = await app.LoginAs(vehicle.Creator);
                        // Back on the route (a rejoin after a deviation), then three fixes 5 km off it: a deviation.
                        t = t.AddSeconds(20);
                        await AlertViews.PostPositionsAsync(client, vehicle.UniqueId, (t, lat, 71.05));
                        await AlertViews.PostPositionsAsync(client, vehicle.UniqueId, (t.AddSeconds(5), lat + 0.05, 71.02), (t.AddSeconds(10), lat + 0.05, 71.03), (t.AddSeconds(15), lat + 0.05, 71.04));
                        t = t.AddSeconds(15);
                    }
                }
            }

            var expected = new Dictionary<Guid, Expected>();
            var failures = new List<string>();
            async Task<List<Expected>> ExplainNewAlertsAsync(int phase)
            {
                var siteIds = sites.Select(s => s.Id).ToList();
                var movementIds = movements.Select(m => m.Movement.Id).ToList();
                var stored = await app.WithDb(db => db.Set<Alert>().AsNoTracking()
                    .Where(a => (a.SiteId != null && siteIds.Contains(a.SiteId.Value)) || (a.SubjectId != null && movementIds.Contains(a.SubjectId.Value)))
                    .Select(a => new { a.Id, a.Kind, a.SiteId, a.SubjectId, a.SubjectLabel }).ToListAsync());
                var added = new List<Expected>();
                foreach (var a in stored.Where(a => !expected.ContainsKey(a.Id)))
                {
                    var anchor = everything.First(x => x.Id == (a.SiteId ?? a.SubjectId));
                    Thing? input = a.SiteId is not null
                        ? trackers.FirstOrDefault(k => k.Plate == a.SubjectLabel) ?? sighted.GetValueOrDefault(a.SubjectLabel ?? "")
                        : trackers.FirstOrDefault(k => k.UniqueId == a.SubjectLabel);
                    if (input is null)
                    {
                        failures.Add($"alert {a.Id} {a.Kind} of {anchor} names '{a.SubjectLabel}', which the world does not explain");
                    }
                    var e = new Expected(a.Id, a.Kind, anchor, input, phase);
                    expected[a.Id] = e;
                    added.Add(e);
                }
                return added;
            }

            bool Reads(WorldUser user, Thing thing) => Reference.CanRead(world, user, thing.Record)
                // Movements are need-to-know: the owner agency's coordinators read them at every level.
                || (thing.Kind == "movement" && thing.Record.Owner == user.Agency && user.Roles.Contains(JsmsRoles.Coordinator));

            // The alert's own marking: a site's alert is marked as the site; a movement's is RED for its creator, named list and the owner's coordinators.
            bool ReadsAlert(WorldUser user, Expected e) => e.Anchor.Kind == "site"
                ? Reference.CanRead(world, user, e.Anchor.Record)
                : e.Anchor.Record.CreatedBy == user.Id || e.Anchor.Record.Recipients.Contains(user.Id)
                  || (e.Anchor.Record.Owner == user.Agency && user.Roles.Contains(JsmsRoles.Coordinator));

            void Check(string name, string view, JsonElement alert, string text)
            {
                var user = users[name];
                var id = alert.GetProperty("id").GetGuid();
                if (expected.TryGetValue(id, out var e))
                {
                    if (!ReadsAlert(user, e))
                    {
                        failures.Add($"{name} ({view}) received {e.Kind} alert {id} of {e.Anchor} that its marking does not release to it");
                        return;
                    }
                    var full = Reads(user, e.Anchor) && (e.Input is null || Reads(user, e.Input));
                    var redacted = alert.GetProperty("redacted").GetBoolean();
                    if (redacted == full)
                    {
                        failures.Add($"{name} ({view}): {e.Kind} alert of {e.Anchor} via {e.Input} redacted {redacted}, all inputs readable {full}");
                    }
                    if (redacted && (alert.GetProperty("subjectLabel").ValueKind != JsonValueKind.Null || alert.GetProperty("latitude").ValueKind != JsonValueKind.Null
                        || alert.GetProperty("longitude").ValueKind != JsonValueKind.Null || alert.GetProperty("evidence").ValueKind != JsonValueKind.Null))
                    {
                        failures.Add($"{name} ({view}): redacted alert {id} still carries a label, position or evidence");
                    }
                }
                CheckSecrets(name, view, text);
            }

            void CheckSecrets(string name, string view, string text)
            {
                foreach (var thing in everything.Where(x => !Reads(users[name], x)))
                {
                    foreach (var secret in thing.Secrets.Where(s => text.Contains(s, StringComparison.OrdinalIgnoreCase)))
                    {
                        failures.Add($"{name} ({view}) received '{secret}' of {thing}, which it may not read");
                    }
                }
            }

            async Task DrainStreamsAsync(int phase)
            {
                foreach (var name in readers)
                {
                    var user = users[name];
                    var due = expected.Values.Where(e => e.Phase == phase && ReadsAlert(user, e)).Select(e => e.Id).ToHashSet();
                    var got = new HashSet<Guid>();
                    var deadline = DateTime.UtcNow.AddSeconds(10);
                    while (!due.IsSubsetOf(got) && await streams[name].NextAsync(deadline - DateTime.UtcNow) is { } ev)
                    {
                        if (ev.Name != "alert")
                        {
                            continue;
                        }
                        got.Add(ev.Data.GetProperty("id").GetGuid());
                        Check(name, $"live, phase {phase}", ev.Data, ev.Data.GetRawText());
                    }
                    // Whatever else arrived by now is checked too (an alert it should not have received would show here).
                    while (await streams[name].NextAsync(TimeSpan.FromMilliseconds(50)) is { } extra)
                    {
                        if (extra.Name == "alert")
                        {
                            got.Add(extra.Data.GetProperty("id").GetGuid());
                            Check(name, $"live, phase {phase}", extra.Data, extra.Data.GetRawText());
                        }
                    }
                    if (!due.IsSubsetOf(got))
                    {
                        failures.Add($"{name} (live, phase {phase}) missed {due.Except(got).Count()} of {due.Count} alerts it may read");
                    }
                }
            }

            // Phase 1: everything moves.
            await PostPhaseAsync(1, trackers);
            var raised1 = await ExplainNewAlertsAsync(1);
            await DrainStreamsAsync(1);

            // Phase 2: the owners of the movements' vehicles (and one more tracker) withdraw every release; everything moves again.
            var changed = movements.SelectMany(m => m.Vehicles).Append(trackers[random.Next(trackers.Count)]).Distinct().Take(3).ToList();
            foreach (var tracker in changed)
            {
                using var client = await app.LoginAs(tracker.Creator);
                var answer = await client.PutAsJsonAsync($"/api/devices/{tracker.Id}",
                    new { uniqueId = tracker.UniqueId, name = tracker.Name, kind = "VehicleTracker", subject = tracker.Plate, marking = new { tlp = "AMBER+STRICT", releaseTo = Withdrawn } });
                Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
                await Mark(tracker);
                log.AppendLine($"withdrawn: {tracker}");
            }
            await PostPhaseAsync(2, trackers);
            var raised2 = await ExplainNewAlertsAsync(2);
            await DrainStreamsAsync(2);

            foreach (var thing in everything)
            {
                log.AppendLine($"{thing}: owner {world.Agencies.First(a => a.Id == thing.Record.Owner).Code}, release-to [{string.Join(",", thing.Record.ReleaseTo.Select(r => world.Agencies.First(a => a.Id == r).Code))}], "
                    + $"recipients [{string.Join(",", thing.Record.Recipients.Select(r => world.Users.FirstOrDefault(u => u.Id == r)?.Name))}]");
            }

            // Everything each reader receives now (list, by id, replay, page), against the world as it now is.
            var full = 0;
            var redacted = 0;
            foreach (var name in readers)
            {
                var user = users[name];
                var (alerts, seen) = await AlertViews.EverythingSeenAsync(app, name);
                var received = alerts.Select(a => a.GetProperty("id").GetGuid()).Where(expected.ContainsKey).ToHashSet();
                var due = expected.Values.Where(e => ReadsAlert(user, e)).Select(e => e.Id).ToHashSet();
                if (!received.SetEquals(due))
                {
                    failures.Add($"{name}: received {received.Count} alerts of the world, the reference predicts {due.Count} "
                        + $"(missing {due.Except(received).Count()}, unexpected {received.Except(due).Count()})");
                }
                foreach (var alert in alerts)
                {
                    Check(name, "list", alert, "");
                    if (expected.ContainsKey(alert.GetProperty("id").GetGuid()))
                    {
                        (alert.GetProperty("redacted").GetBoolean() ? ref redacted : ref full)++;
                    }
                }
                CheckSecrets(name, "list, by id, replay or page", seen);

                if (!namingRecords)
                {
                    continue;
                }
                // The records that name others: movements (one by one and exported) and the lists of trackers, cameras, sites, routes.
                using var client = await app.LoginAs(name);
                foreach (var path in Lists)
                {
                    CheckSecrets(name, path, await client.GetStringAsync(path));
                }
                foreach (var (movement, _, _) in movements)
                {
                    foreach (var path in new[] { $"/api/movements/{movement.Id}", $"/api/movements/{movement.Id}/export" })
                    {
                        var answer = await client.GetAsync(path);
                        if ((answer.StatusCode == HttpStatusCode.OK) != Reads(user, movement))
                        {
                            failures.Add($"{name}: GET {path} answered {(int)answer.StatusCode}, movement readable {Reads(user, movement)}");
                        }
                        CheckSecrets(name, path, await answer.Content.ReadAsStringAsync());
                    }
                }
            }

            var kinds = string.Join(", ", expected.Values.GroupBy(e => e.Kind).Select(g => $"{g.Key} {g.Count()}"));
            output.WriteLine($"{readers.Length} readers, {raised1.Count} + {raised2.Count} alerts ({kinds}) on {TestDatabase.Provider}: {full} received in full, {redacted} redacted");
            if (failures.Count > 0)
            {
                output.WriteLine(log.ToString());
            }
            Assert.True(expected.Values.Any(e => e.Kind == "route.deviation") && expected.Values.Any(e => e.Input?.Kind == "camera"),
                $"degenerate world: {kinds}\n{log}");
            Assert.True(full > 0 && redacted > 0, $"degenerate world: {full} full, {redacted} redacted");
            Assert.True(failures.Count == 0, $"{failures.Count} failures (seed {Seed}):\n" + string.Join("\n", failures.Distinct().Take(40)) + "\n" + log);
        }
        finally
        {
            foreach (var stream in streams.Values)
            {
                await stream.DisposeAsync();
            }
        }
    }

    private async Task<WorldRecord> RecordOf(Guid id, Guid creator) => await app.WithDb(async db =>
    {
        var grants = await db.Set<ReleaseGrant>().Where(g => g.RecordId == id).Select(g => g.AgencyId).ToListAsync();
        var named = await db.Set<NamedRecipient>().Where(n => n.RecordId == id).Select(n => n.UserId).ToListAsync();
        var marked = await db.Set<Site>().Where(s => s.Id == id).Select(s => new { s.Tlp, s.OwnerAgencyId }).FirstOrDefaultAsync()
            ?? await db.Set<Device>().Where(d => d.Id == id).Select(d => new { d.Tlp, d.OwnerAgencyId }).FirstOrDefaultAsync()
            ?? await db.Set<Sensor>().Where(d => d.Id == id).Select(d => new { d.Tlp, d.OwnerAgencyId }).FirstOrDefaultAsync()
            ?? await db.Set<Movement>().Where(d => d.Id == id).Select(d => new { d.Tlp, d.OwnerAgencyId }).FirstAsync();
        return new WorldRecord(id, marked.Tlp, marked.OwnerAgencyId, creator, [.. grants], [.. named]);
    });

    /// <summary>The world as the reference policy sees it: agencies, partnerships with members and observers, the readers with their roles.</summary>
    private async Task<RandomWorld> WorldOfAsync(string[] readers) => await app.WithDb(async db =>
    {
        var world = new RandomWorld();
        // In a fixed order: the random markings draw from this list.
        world.Agencies.AddRange((await db.Set<Agency>().OrderBy(a => a.Code).Select(a => new { a.Id, a.Code }).ToListAsync()).Select(a => (a.Id, a.Code)));
        var members = await db.Set<PartnershipMember>().ToListAsync();
        foreach (var p in members.GroupBy(m => m.PartnershipId))
        {
            world.Partnerships.Add(new WorldPartnership(p.Key, p.Key.ToString(),
                [.. p.Where(m => m.Role == PartnershipRole.Member).Select(m => m.AgencyId)], [.. p.Where(m => m.Role == PartnershipRole.Observer).Select(m => m.AgencyId)]));
        }
        var users = await db.Users.Where(u => readers.Contains(u.UserName!)).Select(u => new { u.Id, u.UserName, u.AgencyId }).ToListAsync();
        var roles = await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync();
        world.Users.AddRange(users.Select(u => new WorldUser(u.Id, u.UserName!, u.AgencyId, [.. roles.Where(r => r.UserId == u.Id).Select(r => r.Name!)])));
        return world;
    });
}
