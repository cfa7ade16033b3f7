using System.Net;
using Jsms.Features.Operations;
using Jsms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Tests.Operations;

/// <summary>
/// Host authorities decide consent requests under the host's rule (all, quorum, any with a veto), in one place that
/// refuses self-decision, double decision, late decision and decisions on closed requests, and counts concurrent
/// decisions exactly; requests are seen by their parties only.
/// </summary>
public sealed class ConsentDecisionTests(OperationsTestApp app) : IClassFixture<OperationsTestApp>
{
    private static readonly string[] Three = ["PK-NACTA", "PK-ISI", "PK-MOD"];

    private async Task<ConsentRequestDto> Read(Guid id, string user = "cn.liaison")
    {
        using var client = await app.LoginAs(user);
        return await client.GetAs<ConsentRequestDto>($"/api/operations/consent-requests/{id}");
    }

    [Fact]
    public async Task All_rule_grants_only_when_every_named_authority_approves()
    {
        var request = await app.SubmittedRequestAsync("ProtectiveDetail", Three);
        Assert.Equal("All", request.Progress.Rule);
        Assert.Equal("0 of 3 approved, no refusal yet", request.Progress.Summary);

        var afterOne = await (await app.DecideAsync("pk.analyst", request.Id, OperationsTestApp.Approve)).Read<ConsentRequestDto>();
        Assert.Equal("Submitted", afterOne.Status);
        Assert.Equal("1 of 3 approved, no refusal yet", afterOne.Progress.Summary);
        Assert.Equal(["PK-ISI", "PK-MOD"], afterOne.Progress.Pending);

        await (await app.DecideAsync("pk.isi", request.Id, OperationsTestApp.Approve)).Read<ConsentRequestDto>();
        var decided = await (await app.DecideAsync("pk.mod", request.Id, OperationsTestApp.Approve)).Read<ConsentRequestDto>();
        Assert.Equal("Approved", decided.Status);
        Assert.NotNull(decided.ConsentId);

        using var requester = await app.LoginAs("cn.liaison");
        var consent = await requester.GetAs<ConsentDto>($"/api/operations/consents/{decided.ConsentId}");
        Assert.Equal("Active", consent.Status);
        Assert.Equal("CN-MPS", consent.RequestingAgency);
        Assert.Equal("PK-MOD", consent.Marking.OwnerAgency);
    }

    [Fact]
    public async Task All_rule_is_refused_by_one_refusal_and_the_requester_is_alerted()
    {
        var request = await app.SubmittedRequestAsync("ProtectiveDetail", Three);
        await (await app.DecideAsync("pk.analyst", request.Id, OperationsTestApp.Approve)).Read<ConsentRequestDto>();
        var refused = await (await app.DecideAsync("pk.isi", request.Id, OperationsTestApp.Refuse)).Read<ConsentRequestDto>();
        Assert.Equal("Refused", refused.Status);
        Assert.Null(refused.ConsentId);
        Assert.Equal("1 of 3 approved, 1 refusal: refused", refused.Progress.Summary);

        var alerts = await app.WithDb(db => db.Set<Features.Alerts.Alert>().AsNoTracking()
            .Where(a => a.SubjectId == request.Id).Select(a => a.Kind).ToListAsync());
        Assert.Contains("consent-request", alerts);
        Assert.Contains("consent-decision", alerts);
    }

    [Fact]
    public async Task Quorum_rule_grants_at_N_approvals_and_refuses_once_N_is_out_of_reach()
    {
        await app.EnsureHostsAsync();
        await app.SetRuleAsync("JointPatrol", "Quorum", 2);

        var granted = await app.SubmittedRequestAsync("JointPatrol", Three);
        Assert.Equal("Quorum", granted.Progress.Rule);
        Assert.Equal(2, granted.Progress.Quorum);
        var one = await (await app.DecideAsync("pk.mod", granted.Id, OperationsTestApp.Refuse)).Read<ConsentRequestDto>();
        Assert.Equal("Submitted", one.Status);
        await (await app.DecideAsync("pk.analyst", granted.Id, OperationsTestApp.Approve)).Read<ConsentRequestDto>();
        var two = await (await app.DecideAsync("pk.isi", granted.Id, OperationsTestApp.Approve)).Read<ConsentRequestDto>();
        Assert.Equal("Approved", two.Status);
        Assert.Equal("2 of 2 approvals needed (3 authorities): approved", two.Progress.Summary);

        var refused = await app.SubmittedRequestAsync("JointPatrol", Three);
        await (await app.DecideAsync("pk.analyst", refused.Id, OperationsTestApp.Refuse)).Read<ConsentRequestDto>();
        var outOfReach = await (await app.DecideAsync("pk.isi", refused.Id, OperationsTestApp.Refuse)).Read<ConsentRequestDto>();
        Assert.Equal("Refused", outOfReach.Status);
    }

    [Fact]
    public async Task Any_with_veto_rule_is_refused_by_a_single_veto_and_granted_when_all_answered_without_one()
    {
        await app.EnsureHostsAsync();
        await app.SetRuleAsync("TrainingTeam", "AnyWithVeto");

        var vetoed = await app.SubmittedRequestAsync("TrainingTeam", Three);
        var one = await (await app.DecideAsync("pk.analyst", vetoed.Id, OperationsTestApp.Approve)).Read<ConsentRequestDto>();
        Assert.Equal("Submitted", one.Status);
        Assert.Equal("1 of 3 approved, no veto yet", one.Progress.Summary);
        await (await app.DecideAsync("pk.isi", vetoed.Id, OperationsTestApp.Approve)).Read<ConsentRequestDto>();
        var veto = await (await app.DecideAsync("pk.mod", vetoed.Id, OperationsTestApp.Refuse)).Read<ConsentRequestDto>();
        Assert.Equal("Refused", veto.Status);

        var granted = await app.SubmittedRequestAsync("TrainingTeam", Three);
        foreach (var user in new[] { "pk.analyst", "pk.isi", "pk.mod" })
        {
            (await app.DecideAsync(user, granted.Id, OperationsTestApp.Approve)).EnsureSuccessStatusCode();
        }
        Assert.Equal("Approved", (await Read(granted.Id)).Status);
    }

    [Fact]
    public async Task Any_with_veto_rule_grants_at_the_deadline_on_one_approval_without_a_veto()
    {
        await app.EnsureHostsAsync();
        await app.SetRuleAsync("Overflight", "AnyWithVeto");
        var request = await app.SubmittedRequestAsync("Overflight", Three);
        (await app.DecideAsync("pk.isi", request.Id, OperationsTestApp.Approve)).EnsureSuccessStatusCode();

        app.Clock.Set(request.DecisionDeadline.AddMinutes(2));
        var closed = await Eventually.Value(() => Read(request.Id), r => r.Status != "Submitted", "the deadline check closing the request");
        Assert.Equal("Approved", closed.Status);
        Assert.NotNull(closed.ConsentId);
    }

    [Fact]
    public async Task The_requesting_agency_cannot_decide_its_own_request()
    {
        var request = await app.SubmittedRequestAsync("ProtectiveDetail", Three);
        var response = await app.DecideAsync("cn.coordinator", request.Id, OperationsTestApp.Approve);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("own agency", (await response.ProblemAsync()).Detail);
    }

    [Fact]
    public async Task An_authority_decides_once_even_through_another_of_its_users()
    {
        var request = await app.SubmittedRequestAsync("ProtectiveDetail", Three);
        (await app.DecideAsync("pk.analyst", request.Id, OperationsTestApp.Approve)).EnsureSuccessStatusCode();
        var again = await app.DecideAsync("pk.coordinator", request.Id, OperationsTestApp.Refuse);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("decides once", (await again.ProblemAsync()).Detail);
        Assert.Equal(1, (await Read(request.Id)).Progress.Approvals);
    }

    [Fact]
    public async Task A_decision_after_the_deadline_or_on_a_withdrawn_request_is_refused()
    {
        var late = await app.SubmittedRequestAsync("ProtectiveDetail", Three);
        app.Clock.Set(late.DecisionDeadline.AddSeconds(1));
        Assert.Equal(HttpStatusCode.Conflict, (await app.DecideAsync("pk.analyst", late.Id, OperationsTestApp.Approve)).StatusCode);

        var withdrawn = await app.SubmittedRequestAsync("ProtectiveDetail", Three);
        using var requester = await app.LoginAs("cn.liaison");
        (await requester.Post($"/api/operations/consent-requests/{withdrawn.Id}/withdraw", new { })).EnsureSuccessStatusCode();
        var response = await app.DecideAsync("pk.analyst", withdrawn.Id, OperationsTestApp.Approve);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Withdrawn", (await response.ProblemAsync()).Detail);
    }

    [Fact]
    public async Task A_viewer_of_an_authority_reads_the_request_but_cannot_decide()
    {
        var request = await app.SubmittedRequestAsync("ProtectiveDetail", Three);
        Assert.Equal(request.Id, (await Read(request.Id, "pk.viewer")).Id);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.DecideAsync("pk.viewer", request.Id, OperationsTestApp.Approve)).StatusCode);
    }

    [Fact]
    public async Task Parallel_decisions_of_one_authority_are_counted_once()
    {
        var request = await app.SubmittedRequestAsync("ProtectiveDetail", Three);
        var users = new[] { "pk.mod", "pk.mod2", "pk.mod", "pk.mod2", "pk.mod", "pk.mod2" };
        foreach (var user in users.Distinct())
        {
            (await app.LoginAs(user)).Dispose();
        }
        var responses = await Task.WhenAll(users.Select(u => app.DecideAsync(u, request.Id, OperationsTestApp.Approve)));
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(users.Length - 1, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(1, await app.WithDb(db => db.Set<ConsentDecision>().CountAsync(d => d.RequestId == request.Id)));
    }

    [Fact]
    public async Task Parallel_approvals_of_every_authority_are_all_counted_and_grant_one_consent()
    {
        var request = await app.SubmittedRequestAsync("ProtectiveDetail", Three);
        var users = new[] { "pk.analyst", "pk.isi", "pk.mod" };
        foreach (var user in users)
        {
            (await app.LoginAs(user)).Dispose();
        }
        var responses = await Task.WhenAll(users.Select(u => app.DecideAsync(u, request.Id, OperationsTestApp.Approve)));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(3, await app.WithDb(db => db.Set<ConsentDecision>().CountAsync(d => d.RequestId == request.Id)));
        Assert.Equal(1, await app.WithDb(db => db.Set<Consent>().CountAsync(c => c.RequestId == request.Id)));
        Assert.Equal("Approved", (await Read(request.Id)).Status);
    }

    [Fact]
    public async Task A_partner_not_party_to_a_request_gets_404_and_lists_leave_it_out()
    {
        // PK-MOD is a Pakistani agency, but not named on this request; RU-NAC shares the regional partnership with CN-MPS.
        var request = await app.SubmittedRequestAsync("ProtectiveDetail", ["PK-NACTA", "PK-ISI"]);
        foreach (var outsider in new[] { "ru.analyst", "us.analyst", "pk.mod" })
        {
            using var client = await app.LoginAs(outsider);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/operations/consent-requests/{request.Id}")).StatusCode);
            var list = await client.GetAs<List<ConsentRequestSummaryDto>>("/api/operations/consent-requests");
            Assert.DoesNotContain(list, r => r.Id == request.Id);
            Assert.Equal(HttpStatusCode.NotFound, (await app.DecideAsync(outsider, request.Id, OperationsTestApp.Approve)).StatusCode);
        }
        using var party = await app.LoginAs("pk.isi");
        Assert.Contains(await party.GetAs<List<ConsentRequestSummaryDto>>("/api/operations/consent-requests"), r => r.Id == request.Id);
    }

    [Fact]
    public async Task Passport_numbers_are_stored_encrypted_and_shown_to_the_parties_only()
    {
        var request = await app.SubmittedRequestAsync("ProtectiveDetail", ["PK-NACTA"]);
        var stored = await app.WithDb(db => db.Set<ConsentRequest>().AsNoTracking().SingleAsync(r => r.Id == request.Id));
        Assert.All(stored.Personnel, p => Assert.DoesNotContain("345678", p.PassportNumberProtected));
        Assert.Contains((await Read(request.Id, "pk.analyst")).Personnel, p => p.PassportNumber == "E12345678");

        var decided = await (await app.DecideAsync("pk.analyst", request.Id, OperationsTestApp.Approve)).Read<ConsentRequestDto>();
        using var host = await app.LoginAs("pk.coordinator");
        var released = await (await host.Put($"/api/operations/consents/{decided.ConsentId}/marking",
            new { tlp = "AMBER", releaseTo = new[] { "RU-NAC" } })).Read<ConsentDto>();
        Assert.Contains("RU-NAC", released.Marking.ReleaseTo);
        Assert.Contains("CN-MPS", released.Marking.ReleaseTo);
        using var other = await app.LoginAs("ru.analyst");
        var seen = await other.GetAsync($"/api/operations/consents/{decided.ConsentId}");
        var text = await seen.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, seen.StatusCode);
        Assert.Contains("Wang Jun", text);
        Assert.DoesNotContain("E12345678", text);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/operations/consent-requests/{request.Id}")).StatusCode);
    }

    [Theory]
    [InlineData("""{"type":"Polygon","coordinates":[[[66.9,24.7],[67.3,24.7],[67.3,25.1],[66.9,25.1]]]}""", "end where it starts")]
    [InlineData("""{"type":"Polygon","coordinates":[[[66.9,24.7],[267.3,24.7],[67.3,25.1],[66.9,24.7]]]}""", "out of range")]
    [InlineData("""{"type":"Point","coordinates":[66.9,24.7]}""", "Polygon or MultiPolygon")]
    [InlineData("""{"type":"Polygon","coordinates":[[[0,0],[2,2],[2,0],[0,2],[0,0]]]}""", "not valid")]
    public async Task A_request_with_a_bad_area_is_refused_naming_the_area(string area, string problem)
    {
        await app.EnsureHostsAsync();
        using var client = await app.LoginAs("cn.liaison");
        var body = System.Text.Json.JsonSerializer.SerializeToNode(app.RequestBody("LiaisonPresence", ["PK-NACTA"]), Json.Options)!.AsObject();
        body["area"] = System.Text.Json.Nodes.JsonNode.Parse(area);
        var response = await client.Post("/api/operations/consent-requests", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(problem, Assert.Single((await response.ValidationErrors())["area"]));
    }
}
