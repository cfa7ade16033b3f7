using System.Net;
using Jsms.Features.Alerts;
using Jsms.Features.Audit;
using Jsms.Platform.Audit;
using Jsms.Features.Intelligence;
using Jsms.Tests.Consultations;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Tests.Intelligence;

/// <summary>Requests for information: ask, assign, answer, close; who sees what; overdue requests for the coordinators.</summary>
public sealed class RfiTests(IntelligenceTestApp app) : IClassFixture<IntelligenceTestApp>
{
    private const string Base = "/api/intelligence/rfis";

    private DateTime Now => app.Clock.GetUtcNow().UtcDateTime;

    private async Task<RfiDto> Ask(string from = "pk.analyst", string[]? to = null, double minutes = 24 * 60, object? marking = null)
    {
        using var client = await app.LoginAs(from);
        var response = await client.Post(Base, new
        {
            to = to ?? ["CN-MPS"],
            title = $"Who financed the cell? {Guid.NewGuid():N}",
            question = "Which accounts paid for the vehicle used on 9 March?",
            dueAt = Now.AddMinutes(minutes),
            marking,
        });
        return await response.Read<RfiDto>(HttpStatusCode.Created);
    }

    private Task<int> AuditCount(Guid id, string action)
        => app.WithDb(db => db.Set<AuditEntry>().CountAsync(e => e.RecordId == id && e.Action == action));

    [Fact]
    public async Task Asked_agency_assigns_and_answers_with_stix_objects_and_the_asker_closes()
    {
        var collection = await app.CreateCollectionAsync("cn.liaison");
        var indicator = IntelligenceTestApp.Indicator("Account used by the cell", StixMarkings.Tlp2Ids[Jsms.Platform.Access.Tlp.Amber], ["PK-NACTA"]);
        await app.PostObjectsAsync("cn.liaison", collection, [indicator]);

        var rfi = await Ask(to: ["CN-MPS", "RU-NAC"]);
        Assert.Equal(["CN-MPS", "RU-NAC"], rfi.Addressees.Select(a => a.Agency));
        Assert.Equal(["CN-MPS", "RU-NAC"], rfi.Marking.ReleaseTo);

        using var china = await app.LoginAs("cn.coordinator");
        Assert.Contains(await china.GetAs<List<RfiSummary>>($"{Base}?box=inbox"), r => r.Id == rfi.Id);
        var assigned = await (await china.Post($"{Base}/{rfi.Id}/assign", new { user = "cn.liaison" })).Read<RfiDto>();
        Assert.Equal("cn.liaison", assigned.Addressees.Single(a => a.Agency == "CN-MPS").AssignedTo);
        // Only a user of the assigning agency.
        Assert.Contains("user", (await (await china.Post($"{Base}/{rfi.Id}/assign", new { user = "pk.analyst" })).ValidationErrors()).Keys);

        using var liaison = await app.LoginAs("cn.liaison");
        var notReadable = await liaison.Post($"{Base}/{rfi.Id}/answers", new { text = "See this.", stixIds = new[] { $"indicator--{Guid.NewGuid()}" } });
        Assert.Equal(HttpStatusCode.NotFound, notReadable.StatusCode);
        var answered = await (await liaison.Post($"{Base}/{rfi.Id}/answers", new { text = "Two accounts at one bank; see the indicator.", stixIds = new[] { (string)indicator["id"]! } })).Read<RfiDto>();
        var answer = Assert.Single(answered.Answers);
        Assert.Equal([(string)indicator["id"]!], answer.StixIds);
        Assert.NotNull(answered.Addressees.Single(a => a.Agency == "CN-MPS").AnsweredAt);

        // The asker sees the answer; the other asked agency does not see China's answer.
        using var pakistan = await app.LoginAs("pk.coordinator");
        Assert.Single((await pakistan.GetAs<RfiDto>($"{Base}/{rfi.Id}")).Answers);
        using var russia = await app.LoginAs("ru.analyst");
        Assert.Empty((await russia.GetAs<RfiDto>($"{Base}/{rfi.Id}")).Answers);

        // Only the asking agency closes; an asked agency gets 404; closed takes no more answers.
        Assert.Equal(HttpStatusCode.NotFound, (await china.PostAsync($"{Base}/{rfi.Id}/close", null)).StatusCode);
        var closed = await (await pakistan.PostAsync($"{Base}/{rfi.Id}/close", null)).Read<RfiDto>();
        Assert.Equal("Closed", closed.Status);
        Assert.Equal(HttpStatusCode.Conflict, (await liaison.Post($"{Base}/{rfi.Id}/answers", new { text = "More." })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await pakistan.PostAsync($"{Base}/{rfi.Id}/close", null)).StatusCode);
        // Two GETs and the answer's reply; the replies to ask, assign and close are audited as those writes, not as reads.
        Assert.True(await AuditCount(rfi.Id, "read") >= 3);
        Assert.Equal(1, await AuditCount(rfi.Id, "assign"));
    }

    [Fact]
    public async Task Agency_not_addressed_gets_404_even_for_a_green_request()
    {
        var rfi = await Ask(marking: new { tlp = "GREEN" });
        foreach (var user in new[] { "ir.coordinator", "us.analyst", "ru.analyst" })
        {
            using var client = await app.LoginAs(user);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{Base}/{rfi.Id}")).StatusCode);
            Assert.DoesNotContain(await client.GetAs<List<RfiSummary>>(Base), r => r.Id == rfi.Id);
            Assert.Equal(HttpStatusCode.NotFound, (await client.Post($"{Base}/{rfi.Id}/answers", new { text = "x" })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.Post($"{Base}/{rfi.Id}/assign", new { user })).StatusCode);
        }
        // A viewer of the asked agency reads but does not answer.
        using var asker = await app.LoginAs("pk.viewer");
        Assert.Equal(HttpStatusCode.OK, (await asker.GetAsync($"{Base}/{rfi.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await asker.PostAsync($"{Base}/{rfi.Id}/close", null)).StatusCode);
    }

    [Fact]
    public async Task Bad_requests_name_the_field()
    {
        using var client = await app.LoginAs("pk.analyst");
        var errors = await (await client.Post(Base, new { to = new[] { "XX-NONE" }, title = "", question = "q", dueAt = Now.AddHours(-1) })).ValidationErrors();
        Assert.Contains("to", errors.Keys);
        Assert.Contains("title", errors.Keys);
        Assert.Contains("dueAt", errors.Keys);
        Assert.Contains("to", (await (await client.Post(Base, new { to = new[] { "PK-NACTA" }, title = "t", question = "q", dueAt = Now.AddHours(1) })).ValidationErrors()).Keys);
        var strict = await (await client.Post(Base, new { to = new[] { "CN-MPS" }, title = "t", question = "q", dueAt = Now.AddHours(1), marking = new { tlp = "AMBER+STRICT" } })).ValidationErrors();
        Assert.Contains("marking.tlp", strict.Keys);
        var other = await (await client.Post(Base, new { to = new[] { "CN-MPS" }, title = "t", question = "q", dueAt = Now.AddHours(1), marking = new { releaseTo = new[] { "IR-MOI" } } })).ValidationErrors();
        Assert.Contains("marking.releaseTo", other.Keys);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"{Base}?box=everything")).StatusCode);
    }

    [Fact]
    public async Task Overdue_request_shows_for_coordinators_and_raises_one_alert_for_both_sides()
    {
        var rfi = await Ask(from: "pk.analyst", to: ["CN-MPS", "IR-MOI"], minutes: 10);
        using var china = await app.LoginAs("cn.liaison");
        await (await china.Post($"{Base}/{rfi.Id}/answers", new { text = "Nothing on our side." })).Read<RfiDto>();
        var monitor = app.Service<RfiMonitor>();
        await monitor.EscalateOverdueAsync(CancellationToken.None);
        Assert.Equal(0, await app.WithDb(db => db.Set<Alert>().CountAsync(a => a.SubjectId == rfi.Id)));

        // (A short advance: the fixture's cached tokens live an hour of test-clock time.)
        app.Clock.Advance(TimeSpan.FromMinutes(11));
        using var pakistan = await app.LoginAs("pk.coordinator");
        var overdue = await pakistan.GetAs<List<RfiSummary>>($"{Base}?overdue=true");
        Assert.True(Assert.Single(overdue, r => r.Id == rfi.Id).Overdue);
        await monitor.EscalateOverdueAsync(CancellationToken.None);
        await monitor.EscalateOverdueAsync(CancellationToken.None);
        var alert = await app.WithDb(db => db.Set<Alert>().AsNoTracking().SingleAsync(a => a.SubjectId == rfi.Id));
        Assert.Equal(RfiMonitor.AlertKind, alert.Kind);
        Assert.Contains("IR-MOI", alert.Title, StringComparison.Ordinal);
        Assert.DoesNotContain("CN-MPS", alert.Title, StringComparison.Ordinal);

        // The coordinators of the asker and of the late agency see the alert; the agency that answered does not.
        foreach (var (user, status) in new[] { ("pk.coordinator", HttpStatusCode.OK), ("ir.coordinator", HttpStatusCode.OK), ("cn.coordinator", HttpStatusCode.NotFound), ("us.analyst", HttpStatusCode.NotFound) })
        {
            using var client = await app.LoginAs(user);
            Assert.Equal(status, (await client.GetAsync($"/api/alerts/{alert.Id}")).StatusCode);
        }
        // Closed requests are no longer overdue.
        await (await pakistan.PostAsync($"{Base}/{rfi.Id}/close", null)).Read<RfiDto>();
        Assert.DoesNotContain(await pakistan.GetAs<List<RfiSummary>>($"{Base}?overdue=true"), r => r.Id == rfi.Id);
    }
}
