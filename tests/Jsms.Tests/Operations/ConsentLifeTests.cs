using System.Net;
using System.Text.Json;
using Jsms.Features.Operations;
using Jsms.Features.Protection;
using Jsms.Platform.Audit;
using Jsms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace Jsms.Tests.Operations;

/// <summary>
/// A granted consent's life: conditions narrow it; an amendment supersedes it; the host suspends, resumes and revokes
/// it with a reason; it expires by the clock; the register shows who is on a state's territory under it now.
/// </summary>
public sealed class ConsentLifeTests(OperationsTestApp app) : IClassFixture<OperationsTestApp>
{
    private static readonly string[] Two = ["PK-NACTA", "PK-ISI"];

    private async Task<ConsentDto> GrantedAsync(string[]? authorities = null, string kind = "LiaisonPresence")
    {
        var request = await app.SubmittedRequestAsync(kind, authorities ?? Two);
        ConsentRequestDto? last = null;
        foreach (var user in (authorities ?? Two).Select(a => a == "PK-NACTA" ? "pk.analyst" : a == "PK-ISI" ? "pk.isi" : "pk.mod"))
        {
            last = await (await app.DecideAsync(user, request.Id, OperationsTestApp.Approve)).Read<ConsentRequestDto>();
        }
        using var client = await app.LoginAs("cn.liaison");
        return await client.GetAs<ConsentDto>($"/api/operations/consents/{last!.ConsentId}");
    }

    private async Task<ConsentDto> Consent(Guid id, string user = "cn.liaison")
    {
        using var client = await app.LoginAs(user);
        return await client.GetAs<ConsentDto>($"/api/operations/consents/{id}");
    }

    [Fact]
    public async Task Conditions_narrow_the_consent_to_the_intersection_of_area_period_and_personnel()
    {
        var request = await app.SubmittedRequestAsync("LiaisonPresence", Two);
        var first = request.Personnel[0];
        var start = request.PeriodStart.AddDays(1);
        var end = request.PeriodEnd.AddDays(-2);
        await (await app.DecideAsync("pk.analyst", request.Id, new
        {
            answer = "ApproveWithConditions",
            conditions = "Attend coordination meetings only; no presence on the ground.",
            area = JsonDocument.Parse(OperationsTestApp.KarachiSouthWest).RootElement,
            periodStart = start,
            personnelIds = new[] { first.Id },
        })).Read<ConsentRequestDto>();
        var decided = await (await app.DecideAsync("pk.isi", request.Id, new
        {
            answer = "ApproveWithConditions",
            conditions = "Escorted by Sindh police at all times.",
            periodEnd = end,
        })).Read<ConsentRequestDto>();
        Assert.Equal("ApprovedWithConditions", decided.Status);

        var consent = await Consent(decided.ConsentId!.Value);
        Assert.Equal(start, consent.EffectiveStart);
        Assert.Equal(end, consent.EffectiveEnd);
        Assert.Equal([first.Name], consent.Personnel.Select(p => p.Name));
        Assert.Contains("PK-NACTA: Attend coordination meetings only", consent.Conditions);
        Assert.Contains("PK-ISI: Escorted by Sindh police", consent.Conditions);
        var area = Geo.Parse<MultiPolygon>(consent.EffectiveArea.GetRawText());
        var southWest = Geo.Parse<Polygon>(OperationsTestApp.KarachiSouthWest);
        Assert.Equal(southWest.Area, area.Area, 6);
        Assert.True(southWest.Buffer(1e-9).Covers(area));
    }

    [Fact]
    public async Task A_condition_naming_personnel_outside_the_request_is_refused()
    {
        var request = await app.SubmittedRequestAsync("LiaisonPresence", Two);
        var response = await app.DecideAsync("pk.analyst", request.Id, new { answer = "ApproveWithConditions", personnelIds = new[] { Guid.NewGuid() } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("personnelIds", (await response.ValidationErrors()).Keys);
    }

    [Fact]
    public async Task A_granted_amendment_supersedes_the_consent_it_amends()
    {
        var original = await GrantedAsync();
        using var requester = await app.LoginAs("cn.liaison");
        var amendment = await (await requester.Post($"/api/operations/consents/{original.Id}/amend", new { })).Read<ConsentRequestDto>(HttpStatusCode.Created);
        Assert.Equal(original.Id, amendment.AmendsConsentId);
        Assert.Equal("Draft", amendment.Status);
        var body = app.RequestBody("LiaisonPresence", Two, "Liaison officers at meetings, one more interpreter");
        (await requester.Put($"/api/operations/consent-requests/{amendment.Id}", body)).EnsureSuccessStatusCode();
        (await requester.Post($"/api/operations/consent-requests/{amendment.Id}/submit", new { })).EnsureSuccessStatusCode();
        Assert.Equal("Active", (await Consent(original.Id)).Status);

        (await app.DecideAsync("pk.analyst", amendment.Id, OperationsTestApp.Approve)).EnsureSuccessStatusCode();
        var granted = await (await app.DecideAsync("pk.isi", amendment.Id, OperationsTestApp.Approve)).Read<ConsentRequestDto>();

        var old = await Consent(original.Id);
        Assert.Equal("Superseded", old.Status);
        Assert.Equal(granted.ConsentId, old.SupersededById);
        Assert.Equal(original.Id, (await Consent(granted.ConsentId!.Value)).AmendsConsentId);
    }

    [Fact]
    public async Task The_host_suspends_and_resumes_a_consent_with_a_reason_and_the_requester_cannot()
    {
        var consent = await GrantedAsync();
        using var host = await app.LoginAs("pk.isi");
        using var requester = await app.LoginAs("cn.coordinator");
        Assert.Equal(HttpStatusCode.Forbidden,
            (await requester.Post($"/api/operations/consents/{consent.Id}/suspend", new { reason = "We pause." })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await host.Post($"/api/operations/consents/{consent.Id}/suspend", new { })).StatusCode);

        var suspended = await (await host.Post($"/api/operations/consents/{consent.Id}/suspend",
            new { reason = "Security situation in the area under review." })).Read<ConsentDto>();
        Assert.Equal("Suspended", suspended.Status);
        Assert.Equal("Security situation in the area under review.", suspended.StatusReason);
        var resumed = await (await host.Post($"/api/operations/consents/{consent.Id}/resume", new { reason = "Review completed." })).Read<ConsentDto>();
        Assert.Equal("Active", resumed.Status);

        var audited = await app.WithDb(db => db.Set<AuditEntry>().CountAsync(e => e.RecordId == consent.Id && e.Action == "update"));
        Assert.True(audited >= 2, $"{audited} update entries");
    }

    [Fact]
    public async Task A_revoked_consent_cannot_be_resumed_and_leaves_the_register()
    {
        var consent = await GrantedAsync();
        app.Clock.Set(consent.EffectiveStart.AddHours(1));
        using var host = await app.LoginAs("pk.analyst");
        Assert.Contains(await host.GetAs<List<ActivePresenceDto>>("/api/operations/consents/active?state=PK"), p => p.ConsentId == consent.Id);

        var revoked = await (await host.Post($"/api/operations/consents/{consent.Id}/revoke", new { reason = "Terms breached." })).Read<ConsentDto>();
        Assert.Equal("Revoked", revoked.Status);
        Assert.Equal(HttpStatusCode.Conflict, (await host.Post($"/api/operations/consents/{consent.Id}/resume", new { reason = "Oops." })).StatusCode);
        Assert.DoesNotContain(await host.GetAs<List<ActivePresenceDto>>("/api/operations/consents/active?state=PK"), p => p.ConsentId == consent.Id);
    }

    [Fact]
    public async Task A_consent_expires_by_the_clock_and_the_register_shows_who_is_there_until_then()
    {
        var consent = await GrantedAsync();
        using var host = await app.LoginAs("pk.coordinator");
        Assert.DoesNotContain(await host.GetAs<List<ActivePresenceDto>>("/api/operations/consents/active?state=PK"), p => p.ConsentId == consent.Id);

        app.Clock.Set(consent.EffectiveStart.AddMinutes(30));
        var present = Assert.Single(await host.GetAs<List<ActivePresenceDto>>("/api/operations/consents/active?state=PK"), p => p.ConsentId == consent.Id);
        Assert.Equal("CN-MPS", present.RequestingAgency);
        Assert.Contains(present.Personnel, p => p.Name == "Wang Jun" && p.PassportNumber == null);
        Assert.Contains(present.Vehicles, v => v.Callsign == "MPS-1" && v.DeviceId == "cn-mps-car-1");

        app.Clock.Set(consent.EffectiveEnd.AddMinutes(1));
        Assert.Equal("Expired", (await Consent(consent.Id)).Status);
        Assert.DoesNotContain(await host.GetAs<List<ActivePresenceDto>>("/api/operations/consents/active?state=PK"), p => p.ConsentId == consent.Id);
        await Eventually.True(() => app.WithDb(db => db.Set<Consent>().AnyAsync(c => c.Id == consent.Id && c.Status == ConsentStatus.Expired)),
            "the clock storing the expiry");
        Assert.Equal(HttpStatusCode.Conflict,
            (await host.Post($"/api/operations/consents/{consent.Id}/suspend", new { reason = "Too late." })).StatusCode);
    }

    [Fact]
    public async Task A_request_is_cloned_as_a_new_draft_and_changed_only_until_decisions_begin()
    {
        var request = await app.SubmittedRequestAsync("LiaisonPresence", Two);
        using var requester = await app.LoginAs("cn.liaison");
        var clone = await (await requester.Post($"/api/operations/consent-requests/{request.Id}/clone", new { })).Read<ConsentRequestDto>(HttpStatusCode.Created);
        Assert.Equal(request.Id, clone.ClonedFromId);
        Assert.Equal("Draft", clone.Status);
        Assert.Equal(request.Personnel.Select(p => p.PassportNumber), clone.Personnel.Select(p => p.PassportNumber));

        (await app.DecideAsync("pk.analyst", request.Id, OperationsTestApp.Approve)).EnsureSuccessStatusCode();
        var late = await requester.Put($"/api/operations/consent-requests/{request.Id}", app.RequestBody("LiaisonPresence", Two, "Changed"));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
    }

    [Fact]
    public async Task A_request_for_more_information_sends_it_back_for_a_new_round()
    {
        var request = await app.SubmittedRequestAsync("LiaisonPresence", Two);
        var asked = await (await app.DecideAsync("pk.isi", request.Id, new { answer = "RequestInformation", reasons = "Name the interpreter's unit." }))
            .Read<ConsentRequestDto>();
        Assert.Equal("MoreInformationRequested", asked.Status);
        using var requester = await app.LoginAs("cn.liaison");
        (await requester.Put($"/api/operations/consent-requests/{request.Id}", app.RequestBody("LiaisonPresence", Two, "Interpreter from the MPS 3rd bureau")))
            .EnsureSuccessStatusCode();
        var resubmitted = await (await requester.Post($"/api/operations/consent-requests/{request.Id}/submit", new { })).Read<ConsentRequestDto>();
        Assert.Equal(2, resubmitted.Round);
        (await app.DecideAsync("pk.isi", request.Id, OperationsTestApp.Approve)).EnsureSuccessStatusCode();
        var granted = await (await app.DecideAsync("pk.analyst", request.Id, OperationsTestApp.Approve)).Read<ConsentRequestDto>();
        Assert.Equal("Approved", granted.Status);
    }
}
