using System.Net;
using System.Text.Json;
using Jsms.Features.Operations;
using Jsms.Tests.Infrastructure;
using Jsms.Tests.Tracking;

namespace Jsms.Tests.Operations;

/// <summary>
/// A joint operation is approved and started only under a consent that covers its area, period and assigned partner
/// personnel; the refusal names what is not covered; its statuses move only along the allowed steps; a partner not party
/// to it finds nothing.
/// </summary>
public sealed class JointOperationTests(TrackingTestApp app) : IClassFixture<TrackingTestApp>
{
    private DateTime Now => app.Clock.GetUtcNow().UtcDateTime;

    private static object Body(Guid consentId, string area, DateTime start, DateTime end, Guid[] people, string name = "Harbour patrol") => new
    {
        name,
        consentId,
        objective = "Joint patrols of the harbour approaches",
        area = JsonDocument.Parse(area).RootElement,
        periodStart = start,
        periodEnd = end,
        commandArrangement = "PK-NACTA commands; CN-MPS liaison officers advise and do not carry arms.",
        forces = new object[] { new { agency = "PK-NACTA", forces = "Two rapid response teams" }, new { agency = "CN-MPS", forces = "Two liaison officers" } },
        personnel = people.Select(p => new { personId = p, task = "Liaison" }).ToArray(),
        vehicles = new object[] { new { callsign = "NACTA-7" } },
    };

    private async Task<JointOperationDto> PlannedAsync(ConsentArrange.Granted consent, string area, DateTime start, DateTime end, Guid[] people)
    {
        using var client = await app.LoginAs("pk.analyst");
        return await (await client.Post("/api/operations/joint", Body(consent.ConsentId, area, start, end, people))).Read<JointOperationDto>(HttpStatusCode.Created);
    }

    private async Task<HttpResponseMessage> MoveAsync(string user, Guid id, string status)
    {
        using var client = await app.LoginAs(user);
        return await client.Post($"/api/operations/joint/{id}/status", new { status, note = "Test step." });
    }

    private static async Task<Dictionary<string, string[]>> Uncovered(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.GetProperty("uncovered").Deserialize<Dictionary<string, string[]>>()!;
    }

    [Fact]
    public async Task An_operation_reaching_outside_the_consented_area_is_refused_approval_naming_the_area()
    {
        var consent = await ConsentArrange.GrantAsync(app, Now.AddHours(-1), Now.AddDays(7));
        var operation = await PlannedAsync(consent, ConsentArrange.AcrossTheEdge, Now.AddHours(1), Now.AddDays(1), consent.Admitted);

        var uncovered = await Uncovered(await MoveAsync("pk.analyst", operation.Id, "Approved"));
        Assert.Equal(["area"], uncovered.Keys);
        Assert.Contains("outside", uncovered["area"][0]);
    }

    [Fact]
    public async Task An_operation_running_beyond_the_consented_period_is_refused_approval_naming_the_period()
    {
        var consent = await ConsentArrange.GrantAsync(app, Now.AddHours(-1), Now.AddDays(2));
        var operation = await PlannedAsync(consent, ConsentArrange.Harbour, Now.AddHours(1), Now.AddDays(3), consent.Admitted);

        Assert.Equal(["period"], (await Uncovered(await MoveAsync("pk.analyst", operation.Id, "Approved"))).Keys);
    }

    [Fact]
    public async Task An_operation_assigning_a_person_the_consent_does_not_admit_is_refused_approval_naming_them()
    {
        var consent = await ConsentArrange.GrantAsync(app, Now.AddHours(-1), Now.AddDays(7));
        var operation = await PlannedAsync(consent, ConsentArrange.Harbour, Now.AddHours(1), Now.AddDays(1), [.. consent.Admitted, .. consent.NotAdmitted]);

        var uncovered = await Uncovered(await MoveAsync("pk.analyst", operation.Id, "Approved"));
        Assert.Equal(["personnel"], uncovered.Keys);
        Assert.Contains("Chen Hao", uncovered["personnel"][0]);
        Assert.DoesNotContain("Wang Jun", uncovered["personnel"][0]);
    }

    [Fact]
    public async Task An_operation_under_a_revoked_consent_is_refused_and_one_naming_an_unreadable_consent_is_404()
    {
        var consent = await ConsentArrange.GrantAsync(app, Now.AddHours(-1), Now.AddDays(7));
        var operation = await PlannedAsync(consent, ConsentArrange.Harbour, Now.AddHours(1), Now.AddDays(1), consent.Admitted);
        await ConsentArrange.SetStatusAsync(app, consent.ConsentId, ConsentStatus.Revoked, Now);

        var uncovered = await Uncovered(await MoveAsync("pk.analyst", operation.Id, "Approved"));
        Assert.Contains("Revoked", uncovered["consent"][0]);

        using var outsider = await app.LoginAs("us.analyst");
        var response = await outsider.Post("/api/operations/joint", Body(consent.ConsentId, ConsentArrange.Harbour, Now.AddHours(1), Now.AddDays(1), []));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("consentId", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_operation_under_a_covering_consent_is_approved_by_the_host_started_and_completed_with_its_outcome_on_the_timeline()
    {
        var consent = await ConsentArrange.GrantAsync(app, Now.AddHours(-1), Now.AddDays(7));
        var operation = await PlannedAsync(consent, ConsentArrange.Harbour, Now.AddHours(-1), Now.AddDays(1), consent.Admitted);
        Assert.Equal("Planned", operation.Status);
        Assert.Equal(["CN-MPS", "PK-NACTA"], operation.Forces.Select(f => f.Agency).Order());

        // The partner takes part but does not approve an operation on the host's soil.
        Assert.Equal(HttpStatusCode.Forbidden, (await MoveAsync("cn.liaison", operation.Id, "Approved")).StatusCode);
        // Not from Planned straight to Completed.
        Assert.Equal(HttpStatusCode.Conflict, (await MoveAsync("pk.analyst", operation.Id, "Completed")).StatusCode);

        Assert.Equal("Approved", (await (await MoveAsync("pk.analyst", operation.Id, "Approved")).Read<JointOperationDto>()).Status);
        Assert.Equal("UnderWay", (await (await MoveAsync("cn.liaison", operation.Id, "UnderWay")).Read<JointOperationDto>()).Status);
        var incident = Guid.NewGuid();
        using (var client = await app.LoginAs("pk.analyst"))
        {
            var recorded = await (await client.Post($"/api/operations/joint/{operation.Id}/outcome",
                new { incidentIds = new[] { incident }, arrests = 3, itemsSeized = "Two rifles, 40 kg of explosives" })).Read<JointOperationDto>();
            Assert.Equal([incident], recorded.IncidentIds);
            Assert.Equal(3, recorded.Arrests);
        }
        var completed = await (await MoveAsync("pk.analyst", operation.Id, "Completed")).Read<JointOperationDto>();
        Assert.Equal("Completed", completed.Status);
        Assert.Empty(completed.NextStatuses);
        Assert.Equal(HttpStatusCode.Conflict, (await MoveAsync("pk.analyst", operation.Id, "Cancelled")).StatusCode);

        var timeline = completed.Timeline.Select(e => e.Kind + ": " + e.Text).ToList();
        Assert.Contains(timeline, t => t.StartsWith("status: Planned → Approved", StringComparison.Ordinal));
        Assert.Contains(timeline, t => t.StartsWith("status: Approved → UnderWay", StringComparison.Ordinal));
        Assert.Contains(timeline, t => t.StartsWith("status: UnderWay → Completed", StringComparison.Ordinal));
        Assert.Contains(timeline, t => t == $"incident: Incident {incident} linked.");
        Assert.Contains(completed.Timeline, e => e.User == "cn.liaison");
    }

    [Fact]
    public async Task A_partner_not_party_to_an_operation_gets_404_and_does_not_see_it_listed()
    {
        var consent = await ConsentArrange.GrantAsync(app, Now.AddHours(-1), Now.AddDays(7));
        var operation = await PlannedAsync(consent, ConsentArrange.Harbour, Now.AddHours(1), Now.AddDays(1), consent.Admitted);
        using (var party = await app.LoginAs("cn.coordinator"))
        {
            Assert.Equal(HttpStatusCode.OK, (await party.GetAsync($"/api/operations/joint/{operation.Id}")).StatusCode);
        }
        foreach (var user in new[] { "ru.analyst", "us.analyst", "ir.coordinator" })
        {
            using var client = await app.LoginAs(user);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/operations/joint/{operation.Id}")).StatusCode);
            Assert.DoesNotContain(await client.GetAs<List<JointOperationSummaryDto>>("/api/operations/joint"), o => o.Id == operation.Id);
            Assert.Equal(HttpStatusCode.NotFound, (await client.Post($"/api/operations/joint/{operation.Id}/status", new { status = "Cancelled" })).StatusCode);
        }
    }
}
