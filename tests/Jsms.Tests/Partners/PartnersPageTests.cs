using System.Net;
using Jsms.Features.Partners;
using Jsms.Platform.Partners;
using Jsms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Tests.Partners;

/// <summary>/Partners: the directory for everyone, maintenance forms for administrators only.</summary>
public sealed class PartnersPageTests(JsmsTestApp app) : IClassFixture<JsmsTestApp>
{
    [Fact]
    public async Task Partners_page_lists_the_observer_as_observer_not_as_member()
    {
        using var analyst = await app.SignInWebAsync("pk.analyst");
        var html = await analyst.Client.GetStringAsync("/Partners");
        var regional = Partnership(html, "Regional Anti-Terrorist Structure");
        Assert.Contains("data-role=\"observer\" data-agency=\"US-CT\"", regional, StringComparison.Ordinal);
        Assert.DoesNotContain("data-role=\"member\" data-agency=\"US-CT\"", regional, StringComparison.Ordinal);
        foreach (var member in new[] { "PK-NACTA", "CN-MPS", "RU-NAC", "IR-MOI" })
        {
            Assert.Contains($"data-role=\"member\" data-agency=\"{member}\"", regional, StringComparison.Ordinal);
        }
        Assert.Contains("data-agency=\"PK-SINDH\"", html, StringComparison.Ordinal);
        Assert.Contains("data-state=\"IR\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Non_administrator_sees_no_forms_and_a_post_is_refused()
    {
        using var coordinator = await app.SignInWebAsync("pk.coordinator");
        var html = await coordinator.Client.GetStringAsync("/Partners");
        Assert.DoesNotContain("data-testid=\"form-state\"", html, StringComparison.Ordinal);

        var response = await coordinator.PostFormAsync("/Partners", [new("NewState.IsoCode", "KZ"), new("NewState.Name", "Kazakhstan")],
            handler: "State", tokenFrom: "/Accounts/Security");
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden || BrowserlessSession.FinalPath(response) == "/Accounts/Login",
            $"answered {(int)response.StatusCode} at {BrowserlessSession.FinalPath(response)}");
        Assert.False(await app.WithDb(db => db.Set<State>().AnyAsync(s => s.IsoCode == "KZ")));
    }

    [Fact]
    public async Task Administrator_builds_a_partnership_with_an_observer_and_an_agreement_through_the_page()
    {
        using var admin = await app.SignInWebAsync("admin");
        Assert.Contains("data-testid=\"form-agreement\"", await admin.Client.GetStringAsync("/Partners"), StringComparison.Ordinal);

        await AssertNotice(await admin.PostFormAsync("/Partners", [new("NewState.IsoCode", "uz"), new("NewState.Name", "Uzbekistan")], handler: "State"));
        await AssertNotice(await admin.PostFormAsync("/Partners",
            [new("NewAgency.Code", "uz-sns"), new("NewAgency.Name", "State Security Service"), new("NewAgency.Kind", "Intelligence"), new("NewAgency.State", "UZ")], handler: "Agency"));
        await AssertNotice(await admin.PostFormAsync("/Partners",
            [new("NewPartnership.Name", "Central Asia liaison"), new("NewPartnership.Kind", "Multilateral"), new("NewPartnership.EstablishedOn", "2025-05-01"),
             new("NewPartnership.Members", "PK-NACTA, UZ-SNS"), new("NewPartnership.Observers", "US-CT")], handler: "Partnership"));
        var id = await app.WithDb(db => db.Set<Partnership>().Where(p => p.Name == "Central Asia liaison").Select(p => p.Id).SingleAsync());
        var html = await AssertNotice(await admin.PostFormAsync("/Partners",
            [new("NewAgreement.PartnershipId", id.ToString()), new("NewAgreement.Title", "Memorandum on liaison"),
             new("NewAgreement.Parties", "Pakistan; Uzbekistan"), new("NewAgreement.SignedOn", "2025-06-02"), new("NewAgreement.Scope", "Exchange of liaison officers")], handler: "Agreement"));

        var block = Partnership(html, "Central Asia liaison");
        Assert.Contains("data-role=\"member\" data-agency=\"UZ-SNS\"", block, StringComparison.Ordinal);
        Assert.Contains("data-role=\"observer\" data-agency=\"US-CT\"", block, StringComparison.Ordinal);
        Assert.Contains("Memorandum on liaison", block, StringComparison.Ordinal);
        Assert.Contains("2025-06-02", block, StringComparison.Ordinal);
        Assert.Contains("data-agency=\"UZ-SNS\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_forms_show_every_problem_beside_its_field_and_create_nothing()
    {
        using var admin = await app.SignInWebAsync("admin");
        var agency = await (await admin.PostFormAsync("/Partners",
            [new("NewAgency.Code", "PK-NACTA"), new("NewAgency.Name", ""), new("NewAgency.State", "")], handler: "Agency")).Content.ReadAsStringAsync();
        Assert.Contains("An agency with code PK-NACTA exists already.", agency, StringComparison.Ordinal);
        Assert.Contains("A name is required.", agency, StringComparison.Ordinal);
        Assert.Contains("No state has the code", agency, StringComparison.Ordinal);

        var partnership = await (await admin.PostFormAsync("/Partners",
            [new("NewPartnership.Name", "Broken"), new("NewPartnership.Kind", "Bilateral"), new("NewPartnership.Members", "PK-NACTA, XX-NONE")], handler: "Partnership")).Content.ReadAsStringAsync();
        Assert.Contains("Unknown agency code(s): XX-NONE.", partnership, StringComparison.Ordinal);

        var agreement = await (await admin.PostFormAsync("/Partners",
            [new("NewAgreement.PartnershipId", Guid.NewGuid().ToString()), new("NewAgreement.Title", "Orphan")], handler: "Agreement")).Content.ReadAsStringAsync();
        Assert.Contains("Choose the partnership", agreement, StringComparison.Ordinal);

        Assert.False(await app.WithDb(db => db.Set<Partnership>().AnyAsync(p => p.Name == "Broken")));
        Assert.False(await app.WithDb(db => db.Set<Agreement>().AnyAsync(a => a.Title == "Orphan")));
    }

    [Fact]
    public async Task Api_still_validates_through_the_shared_logic()
    {
        using var admin = await app.LoginAs("admin");
        var response = await admin.PostAsync("/api/partners/states",
            System.Net.Http.Json.JsonContent.Create(new { isoCode = "P1", name = "" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("isoCode", body, StringComparison.Ordinal);
        Assert.Contains("name", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_gets_one_partnership_by_id_and_creates_one()
    {
        using var admin = await app.LoginAs("admin");
        var id = await app.WithDb(db => db.Set<Partnership>().Where(p => p.Name == "Regional Anti-Terrorist Structure").Select(p => p.Id).SingleAsync());
        var one = await admin.GetStringAsync($"/api/partners/partnerships/{id}");
        Assert.Contains("US-CT", one, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/partners/partnerships/{Guid.NewGuid()}")).StatusCode);

        var created = await admin.PostAsync("/api/partners/partnerships", System.Net.Http.Json.JsonContent.Create(new
        {
            name = "API-made bilateral", kind = "Bilateral",
            members = new object[] { new { agency = "PK-NACTA", role = "Member" }, new { agency = "RU-NAC", role = "Member" } },
        }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Contains("RU-NAC", await created.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<string> AssertNotice(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(html.Contains("data-testid=\"partners-notice\"", StringComparison.Ordinal),
            "no notice; errors: " + string.Join(" | ", System.Text.RegularExpressions.Regex.Matches(html, "class=\"field-error\">([^<]+)<").Select(m => m.Groups[1].Value)));
        return html;
    }

    /// <summary>The card of one partnership on the page.</summary>
    private static string Partnership(string html, string name)
    {
        var start = html.IndexOf($"data-testid=\"partnership\" data-name=\"{System.Net.WebUtility.HtmlEncode(name)}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no partnership {name}");
        var end = html.IndexOf("</section>", start, StringComparison.Ordinal);
        return html[start..end];
    }
}
