using System.Net;
using System.Net.Http.Json;
using Jsms.Features.Partners;
using Jsms.Platform.Partners;
using Jsms.Tests.Infrastructure;

namespace Jsms.Tests.Partners;

public sealed class PartnersApiTests(JsmsTestApp app) : IClassFixture<JsmsTestApp>
{
    [Theory]
    [InlineData("us.analyst")]
    [InlineData("pk.viewer")]
    public async Task Any_signed_in_user_reads_the_partner_directory(string username)
    {
        using var client = await app.LoginAs(username);

        var states = await client.GetFromJsonAsync<List<StateDto>>("/api/partners/states", TrustTestSupport.Json);
        var agencies = await client.GetFromJsonAsync<List<AgencyDto>>("/api/partners/agencies", TrustTestSupport.Json);
        var partnerships = await client.GetFromJsonAsync<List<PartnershipDto>>("/api/partners/partnerships", TrustTestSupport.Json);

        Assert.Contains(states!, s => s.IsoCode == "PK");
        Assert.Contains(agencies!, a => a.Code == "CN-MPS" && a.StateIsoCode == "CN");
        var regional = Assert.Single(partnerships!, p => p.Name == "Regional Anti-Terrorist Structure");
        Assert.Equal(PartnershipRole.Observer, Assert.Single(regional.Members, m => m.AgencyCode == "US-CT").Role);
        var one = await client.GetFromJsonAsync<PartnershipDto>($"/api/partners/partnerships/{regional.Id}", TrustTestSupport.Json);
        Assert.Equal(5, one!.Members.Count);
    }

    [Fact]
    public async Task Anonymous_callers_get_401_and_unknown_partnerships_404()
    {
        using var anonymous = app.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/partners/agencies")).StatusCode);
        using var client = await app.LoginAs("pk.analyst");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/partners/partnerships/{Guid.NewGuid()}")).StatusCode);
    }

    [Theory]
    [InlineData("pk.coordinator")]
    [InlineData("cn.coordinator")]
    public async Task Only_administrators_change_the_directory(string username)
    {
        using var client = await app.LoginAs(username);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/partners/states", new { isoCode = "KZ", name = "Kazakhstan" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/partners/agencies", new { code = "PK-FIA", name = "FIA", state = "PK" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/partners/partnerships",
            new { name = "Side deal", kind = "Bilateral", members = new[] { new { agency = "CN-MPS" }, new { agency = "RU-NAC" } } })).StatusCode);
        using var admin = await app.LoginAs("admin");
        var partnerships = await admin.GetFromJsonAsync<List<PartnershipDto>>("/api/partners/partnerships", TrustTestSupport.Json);
        Assert.DoesNotContain(partnerships!, p => p.Name == "Side deal");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"/api/partners/partnerships/{partnerships![0].Id}/agreements",
            new { title = "x", parties = "y" })).StatusCode);
    }

    [Fact]
    public async Task An_administrator_adds_a_state_agency_partnership_and_agreement_and_each_is_audited()
    {
        using var admin = await app.LoginAs("admin");

        var state = await admin.PostAsJsonAsync("/api/partners/states", new { isoCode = "kz", name = "Kazakhstan" });
        Assert.Equal(HttpStatusCode.Created, state.StatusCode);
        var agency = await admin.PostAsJsonAsync("/api/partners/agencies", new { code = "kz-knb", name = "National Security Committee", kind = "Intelligence", state = "KZ" });
        Assert.Equal(HttpStatusCode.Created, agency.StatusCode);
        var agencyDto = (await agency.Content.ReadFromJsonAsync<AgencyDto>(TrustTestSupport.Json))!;
        Assert.Equal(("KZ-KNB", "KZ"), (agencyDto.Code, agencyDto.StateIsoCode));
        var partnership = await admin.PostAsJsonAsync("/api/partners/partnerships", new
        {
            name = "Kazakhstan–Pakistan dialogue", kind = "Bilateral",
            members = new object[] { new { agency = "KZ-KNB" }, new { agency = "PK-NACTA" }, new { agency = "US-CT", role = "Observer" } },
        });
        Assert.Equal(HttpStatusCode.Created, partnership.StatusCode);
        var partnershipDto = (await partnership.Content.ReadFromJsonAsync<PartnershipDto>(TrustTestSupport.Json))!;
        var agreement = await admin.PostAsJsonAsync($"/api/partners/partnerships/{partnershipDto.Id}/agreements",
            new { title = "Memorandum of understanding", parties = "Kazakhstan; Pakistan", signedOn = "2026-03-01" });
        Assert.Equal(HttpStatusCode.Created, agreement.StatusCode);

        var creations = await app.AuditEntriesAsync(e => e.Action == "create" && e.UserName == "admin");
        Assert.Contains(creations, e => e.RecordType == nameof(State));
        Assert.Contains(creations, e => e.RecordType == nameof(Agency) && e.RecordId == agencyDto.Id);
        Assert.Contains(creations, e => e.RecordType == nameof(Partnership) && e.RecordId == partnershipDto.Id);
        Assert.Contains(creations, e => e.RecordType == nameof(Agreement));
    }

    [Fact]
    public async Task Invalid_directory_entries_name_every_bad_field()
    {
        using var admin = await app.LoginAs("admin");

        var state = await admin.PostAsJsonAsync("/api/partners/states", new { isoCode = "PAK" });
        Assert.Equal(["isoCode", "name"], (await state.ValidationProblemAsync()).Errors.Keys.Order());
        var duplicate = await admin.PostAsJsonAsync("/api/partners/states", new { isoCode = "PK", name = "Pakistan again" });
        Assert.Contains("exists", Assert.Single((await duplicate.ValidationProblemAsync()).Errors["isoCode"]), StringComparison.Ordinal);

        var agency = await admin.PostAsJsonAsync("/api/partners/agencies", new { code = "X", state = "ZZ" });
        Assert.Equal(["code", "name", "state"], (await agency.ValidationProblemAsync()).Errors.Keys.Order());

        var partnership = await admin.PostAsJsonAsync("/api/partners/partnerships", new
        {
            kind = "Bilateral", members = new[] { new { agency = "PK-NACTA" }, new { agency = "NOWHERE" } },
        });
        var errors = (await partnership.ValidationProblemAsync()).Errors;
        Assert.Equal(["members", "name"], errors.Keys.Order());
        Assert.Contains("NOWHERE", errors["members"][0], StringComparison.Ordinal);

        var threeMembers = await admin.PostAsJsonAsync("/api/partners/partnerships", new
        {
            name = "Three", kind = "Bilateral", members = new[] { new { agency = "PK-NACTA" }, new { agency = "CN-MPS" }, new { agency = "RU-NAC" } },
        });
        Assert.Equal(["kind"], (await threeMembers.ValidationProblemAsync()).Errors.Keys);

        var agreement = await admin.PostAsJsonAsync($"/api/partners/partnerships/{Guid.NewGuid()}/agreements", new { title = "x", parties = "y" });
        Assert.Equal(HttpStatusCode.NotFound, agreement.StatusCode);
    }

    [Fact]
    public async Task An_unknown_enum_value_is_a_400_problem_not_a_500()
    {
        using var admin = await app.LoginAs("admin");

        var response = await admin.PostAsJsonAsync("/api/partners/partnerships", new { name = "Odd", kind = "Trilateral", members = Array.Empty<object>() });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.ProblemAsync()).Detail);
    }
}
