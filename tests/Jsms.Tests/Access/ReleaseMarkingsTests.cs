using Jsms.Platform.Access;
using Jsms.Features.Alerts;
using Jsms.Features.Audit;
using Jsms.Platform.Audit;
using Jsms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Tests.Access;

public sealed class ReleaseMarkingsTests(JsmsTestApp app) : IClassFixture<JsmsTestApp>
{
    [Fact]
    public async Task Resolving_a_marking_reports_every_unknown_part_under_marking_keys()
    {
        var (marking, errors) = await app.WithDb(db => new ReleaseMarkings(db).ResolveAsync(
            new MarkingInput("PURPLE", ["CN-MPS", "XX-NOPE"], ["cn.liaison", "ghost.user"])));

        Assert.Null(marking);
        Assert.Equal(["marking.recipients", "marking.releaseTo", "marking.tlp"], errors.Keys.Order());
        Assert.Contains("XX-NOPE", errors["marking.releaseTo"][0], StringComparison.Ordinal);
        Assert.DoesNotContain("CN-MPS", errors["marking.releaseTo"][0], StringComparison.Ordinal);
        Assert.Contains("ghost.user", errors["marking.recipients"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_record_takes_the_callers_agency_as_owner_and_its_sharing_is_audited()
    {
        var alertId = await app.WithDb(async db =>
        {
            var caller = (await Caller.ForUserAsync(await app.UserIdAsync("pk.coordinator"), db))!;
            var markings = new ReleaseMarkings(db);
            var (marking, errors) = await markings.ResolveAsync(new MarkingInput("amber", ["cn-mps"], ["ru.analyst"]));
            Assert.Empty(errors);
            var alert = new Alert { Id = Guid.NewGuid(), Kind = "test", Title = "Shared", RaisedAt = app.Clock.GetUtcNow().UtcDateTime };
            markings.ApplyToNew(alert, marking!, caller);
            db.Add(alert);
            await db.SaveChangesAsync();
            var described = await markings.DescribeAsync(alert);
            Assert.Equal(("AMBER", "PK-NACTA"), (described.Tlp, described.OwnerAgency));
            Assert.Equal(["CN-MPS"], described.ReleaseTo);
            Assert.Equal(["ru.analyst"], described.Recipients);
            return alert.Id;
        });

        var entries = await app.AuditEntriesAsync(e => e.RecordId == alertId);
        Assert.Equal(["create", "share", "share"], entries.Select(e => e.Action).Order());
        Assert.All(entries, e => Assert.Equal("system", e.UserName));
    }

    [Fact]
    public async Task Applying_a_marking_to_a_record_without_an_id_is_refused()
    {
        await app.WithDb(async db =>
        {
            var caller = (await Caller.ForUserAsync(await app.UserIdAsync("pk.analyst"), db))!;
            var marking = new ResolvedMarking(Tlp.Green, [], []);
            Assert.Throws<InvalidOperationException>(() => new ReleaseMarkings(db).ApplyToNew(new Alert(), marking, caller));
            Assert.Empty(db.ChangeTracker.Entries<ReleaseGrant>());
        });
        Assert.Empty(await app.WithDb(db => db.Set<ReleaseGrant>().Where(g => g.RecordId == Guid.Empty).ToListAsync()));
        Assert.True((await app.WithDb(db => AuditTrail.VerifyAsync(db))).Intact);
    }
}
