using System.Diagnostics;
using System.Text;
using Jsms.Platform.Access;
using Jsms.Features.Accounts;
using Jsms.Platform.Identity;
using Jsms.Features.Alerts;
using Jsms.Features.Partners;
using Jsms.Platform.Partners;
using Jsms.Platform.Database;
using Jsms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Jsms.Tests.Access;

/// <summary>
/// The access policy (a LINQ expression run as SQL) against a small reference implementation written
/// from docs/access-policy.md, over a random world stored through the real DbContext.
/// </summary>
public sealed class AccessPolicyPropertyTests(EmptyJsmsTestApp app, ITestOutputHelper output) : IClassFixture<EmptyJsmsTestApp>
{
    private const int Seed = 20260310;

    [Fact]
    public async Task Readable_and_writable_match_the_reference_policy_on_random_worlds()
    {
        var world = RandomWorld.Generate(new Random(Seed), agencies: 12, partnerships: 6, users: 40, records: 600);
        await app.WithDb(world.StoreAsync);

        var watch = Stopwatch.StartNew();
        var mismatches = new List<string>();
        var pairs = 0;
        var visible = 0;
        foreach (var user in world.Users)
        {
            var (readable, writable) = await app.WithDb(async db =>
            {
                var caller = await Caller.ForUserAsync(user.Id, db) ?? throw new InvalidOperationException($"no caller for {user.Name}");
                var read = await db.Readable<Alert>(caller).Select(a => a.Id).ToListAsync();
                var write = await db.Writable<Alert>(caller).Select(a => a.Id).ToListAsync();
                return (read.ToHashSet(), write.ToHashSet());
            });
            foreach (var record in world.Records)
            {
                pairs++;
                var expectRead = Reference.CanRead(world, user, record);
                var expectWrite = Reference.CanWrite(world, user, record);
                visible += expectRead ? 1 : 0;
                if (expectRead != readable.Contains(record.Id) || expectWrite != writable.Contains(record.Id))
                {
                    mismatches.Add(world.Describe(user, record,
                        $"read expected {expectRead} got {readable.Contains(record.Id)}; write expected {expectWrite} got {writable.Contains(record.Id)}"));
                }
            }
        }
        output.WriteLine($"{pairs} pairs ({visible} readable) on {TestDatabase.Provider} in {watch.Elapsed.TotalSeconds:F1} s");

        Assert.True(pairs >= 10_000, $"only {pairs} pairs");
        // The world is not degenerate: every outcome of the policy occurs often.
        Assert.InRange(visible, pairs / 10, pairs * 9 / 10);
        Assert.True(mismatches.Count == 0,
            $"{mismatches.Count} of {pairs} pairs differ from the reference (seed {Seed}):\n" + string.Join("\n", mismatches.Take(20)));
    }

    [Fact]
    public async Task Every_rule_of_the_reference_is_exercised_by_the_random_world()
    {
        // Guards the property test against a generator that never produces the interesting cases.
        var world = RandomWorld.Generate(new Random(Seed), agencies: 12, partnerships: 6, users: 40, records: 600);
        var reasons = new HashSet<string>();
        foreach (var user in world.Users)
        {
            foreach (var record in world.Records)
            {
                reasons.Add(Reference.Why(world, user, record));
            }
        }
        string[] expected =
        [
            "clear", "creator", "named recipient", "owner agency", "release-to", "green community",
            "denied: red", "denied: amber+strict", "denied: amber", "denied: green (observer only)", "denied: green",
        ];
        Assert.All(expected, reason => Assert.Contains(reason, reasons));
        await Task.CompletedTask;
    }
}

/// <summary>
/// The policy as docs/access-policy.md states it, over plain objects. Deliberately written rule by
/// rule from the table, not from AccessPolicy.cs.
/// </summary>
internal static class Reference
{
    public static bool CanRead(RandomWorld world, WorldUser user, WorldRecord record) => !Why(world, user, record).StartsWith("denied", StringComparison.Ordinal);

    public static bool CanWrite(RandomWorld world, WorldUser user, WorldRecord record)
        => CanRead(world, user, record)
           && record.Owner == user.Agency
           && user.Roles.Any(r => r is JsmsRoles.Administrator or JsmsRoles.Coordinator or JsmsRoles.Analyst or JsmsRoles.LiaisonOfficer);

    /// <summary>The first rule that lets the user read the record, or why not.</summary>
    public static string Why(RandomWorld world, WorldUser user, WorldRecord record)
    {
        // Whoever created the record, and its named recipients, always read it, whatever the level.
        if (record.CreatedBy == user.Id)
        {
            return "creator";
        }
        if (record.Recipients.Contains(user.Id))
        {
            return "named recipient";
        }
        switch (record.Tlp)
        {
            case Tlp.Clear:
                return "clear";
            case Tlp.Red:
                return "denied: red";
            case Tlp.AmberStrict:
                return record.Owner == user.Agency ? "owner agency" : "denied: amber+strict";
            case Tlp.Amber:
                if (record.Owner == user.Agency)
                {
                    return "owner agency";
                }
                return record.ReleaseTo.Contains(user.Agency) ? "release-to" : "denied: amber";
            default: // GREEN
                if (record.Owner == user.Agency)
                {
                    return "owner agency";
                }
                if (record.ReleaseTo.Contains(user.Agency))
                {
                    return "release-to";
                }
                // A full member of a partnership to which the owner belongs (as member or observer).
                var community = world.Partnerships.Any(p => p.Members.Contains(user.Agency) && (p.Members.Contains(record.Owner) || p.Observers.Contains(record.Owner)));
                if (community)
                {
                    return "green community";
                }
                var observerOnly = world.Partnerships.Any(p => p.Observers.Contains(user.Agency) && (p.Members.Contains(record.Owner) || p.Observers.Contains(record.Owner)));
                return observerOnly ? "denied: green (observer only)" : "denied: green";
        }
    }
}

internal sealed record WorldUser(Guid Id, string Name, Guid Agency, string[] Roles);

internal sealed record WorldPartnership(Guid Id, string Name, HashSet<Guid> Members, HashSet<Guid> Observers);

internal sealed record WorldRecord(Guid Id, Tlp Tlp, Guid Owner, Guid CreatedBy, HashSet<Guid> ReleaseTo, HashSet<Guid> Recipients);

/// <summary>Agencies, partnerships with members and observers, users with roles, and alerts with random markings.</summary>
internal sealed class RandomWorld
{
    public List<(Guid Id, string Code)> Agencies { get; } = [];
    public List<WorldPartnership> Partnerships { get; } = [];
    public List<WorldUser> Users { get; } = [];
    public List<WorldRecord> Records { get; } = [];

    public static RandomWorld Generate(Random random, int agencies, int partnerships, int users, int records)
    {
        var world = new RandomWorld();
        for (var i = 0; i < agencies; i++)
        {
            world.Agencies.Add((Guid.NewGuid(), $"AG-{i:D2}"));
        }
        // The last agency belongs to no partnership at all.
        var joinable = world.Agencies.Take(agencies - 1).Select(a => a.Id).ToList();
        for (var i = 0; i < partnerships; i++)
        {
            var members = new HashSet<Guid>();
            var observers = new HashSet<Guid>();
            foreach (var agency in joinable)
            {
                var roll = random.NextDouble();
                if (roll < 0.3)
                {
                    members.Add(agency);
                }
                else if (roll < 0.45)
                {
                    observers.Add(agency);
                }
            }
            world.Partnerships.Add(new WorldPartnership(Guid.NewGuid(), $"Partnership {i}", members, observers));
        }
        string[][] roleSets =
        [
            [JsmsRoles.Viewer], [JsmsRoles.Analyst], [JsmsRoles.Coordinator], [JsmsRoles.LiaisonOfficer],
            [JsmsRoles.Administrator, JsmsRoles.Coordinator], [JsmsRoles.Viewer], [JsmsRoles.Analyst, JsmsRoles.Viewer],
        ];
        for (var i = 0; i < users; i++)
        {
            // Every agency gets users; the agency outside all partnerships too.
            var agency = world.Agencies[i % agencies].Id;
            world.Users.Add(new WorldUser(Guid.NewGuid(), $"user{i:D2}", agency, roleSets[random.Next(roleSets.Length)]));
        }
        var levels = TlpNames.All;
        for (var i = 0; i < records; i++)
        {
            var owner = world.Agencies[random.Next(agencies)].Id;
            var ownUsers = world.Users.Where(u => u.Agency == owner).ToList();
            // Usually someone of the owner agency created it; sometimes a user elsewhere (e.g. since moved).
            var creator = random.NextDouble() < 0.85 && ownUsers.Count > 0
                ? ownUsers[random.Next(ownUsers.Count)].Id
                : world.Users[random.Next(users)].Id;
            var releaseTo = Enumerable.Range(0, random.Next(4)).Select(_ => world.Agencies[random.Next(agencies)].Id).ToHashSet();
            var recipients = Enumerable.Range(0, random.Next(3)).Select(_ => world.Users[random.Next(users)].Id).ToHashSet();
            world.Records.Add(new WorldRecord(Guid.NewGuid(), levels[random.Next(levels.Count)], owner, creator, releaseTo, recipients));
        }
        return world;
    }

    public async Task StoreAsync(JsmsDbContext db)
    {
        var state = new State { Id = Guid.NewGuid(), IsoCode = "ZZ", Name = "Testland" };
        db.Add(state);
        db.AddRange(Agencies.Select(a => new Agency { Id = a.Id, StateId = state.Id, Code = a.Code, Name = a.Code, Kind = AgencyKind.Other }));
        db.AddRange(Partnerships.Select(p => new Partnership
        {
            Id = p.Id,
            Name = p.Name,
            Kind = PartnershipKind.Multilateral,
            Members = [.. p.Members.Select(m => new PartnershipMember { AgencyId = m, Role = PartnershipRole.Member }),
                       .. p.Observers.Select(o => new PartnershipMember { AgencyId = o, Role = PartnershipRole.Observer })],
        }));
        var roles = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id);
        foreach (var user in Users)
        {
            db.Users.Add(new User
            {
                Id = user.Id,
                UserName = user.Name,
                NormalizedUserName = user.Name.ToUpperInvariant(),
                DisplayName = user.Name,
                AgencyId = user.Agency,
                SecurityStamp = Guid.NewGuid().ToString("N"),
            });
            db.UserRoles.AddRange(user.Roles.Distinct().Select(r => new Microsoft.AspNetCore.Identity.IdentityUserRole<Guid> { UserId = user.Id, RoleId = roles[r] }));
        }
        var raisedAt = new DateTime(2026, 3, 10, 9, 0, 0, DateTimeKind.Utc);
        foreach (var record in Records)
        {
            db.Add(new Alert
            {
                Id = record.Id,
                Kind = "test.policy",
                Title = $"Record {record.Id:N}",
                RaisedAt = raisedAt,
                Severity = AlertSeverity.Info,
                OwnerAgencyId = record.Owner,
                Tlp = record.Tlp,
                CreatedByUserId = record.CreatedBy,
            });
            db.AddRange(record.ReleaseTo.Select(a => new ReleaseGrant { RecordId = record.Id, AgencyId = a }));
            db.AddRange(record.Recipients.Select(u => new NamedRecipient { RecordId = record.Id, UserId = u }));
        }
        await db.SaveChangesAsync();
    }

    public string Describe(WorldUser user, WorldRecord record, string outcome)
    {
        string Code(Guid agency) => Agencies.First(a => a.Id == agency).Code;
        string Name(Guid id) => Users.FirstOrDefault(u => u.Id == id)?.Name ?? id.ToString();
        var text = new StringBuilder();
        text.Append($"user {user.Name} ({Code(user.Agency)}; {string.Join(",", user.Roles)}; member of [{string.Join(",", Partnerships.Where(p => p.Members.Contains(user.Agency)).Select(p => p.Name))}], ");
        text.Append($"observer of [{string.Join(",", Partnerships.Where(p => p.Observers.Contains(user.Agency)).Select(p => p.Name))}]) ");
        text.Append($"x record {record.Id:N} ({record.Tlp.Label()}, owner {Code(record.Owner)}, creator {Name(record.CreatedBy)}, ");
        text.Append($"release-to [{string.Join(",", record.ReleaseTo.Select(Code))}], recipients [{string.Join(",", record.Recipients.Select(Name))}]): {outcome}");
        return text.ToString();
    }
}
