using System.Net;
using Jsms.Features.Operations;
using Jsms.Tests.Infrastructure;

namespace Jsms.Tests.Operations;

/// <summary>
/// The decision form narrows the area and keeps what was typed when refused; on the register page the host releases a
/// consent to another partner and the requester starts an amendment.
/// </summary>
public sealed class ConsentPagesHostStepsTests(OperationsTestApp app) : IClassFixture<OperationsTestApp>
{
    private static KeyValuePair<string, string> F(string name, string value) => new(name, value);

    [Fact]
    public async Task A_conditional_approval_on_the_page_narrows_the_consented_area()
    {
        var request = await app.SubmittedRequestAsync("LiaisonPresence", ["PK-NACTA"]);
        using var nacta = await app.SignInWebAsync("pk.analyst");

        var response = await nacta.PostFormAsync($"/Operations/Request/{request.Id}",
        [
            F("Decision.Answer", "ApproveWithConditions"), F("Decision.Conditions", "South-west quarter only."),
            F("Decision.Area", OperationsTestApp.KarachiSouthWest),
        ], handler: "Decide");

        Assert.Contains("(narrower area)", await response.Content.ReadAsStringAsync());
        using var liaison = await app.LoginAs("cn.liaison");
        var decided = await liaison.GetAs<ConsentRequestDto>($"/api/operations/consent-requests/{request.Id}");
        var consent = await liaison.GetAs<ConsentDto>($"/api/operations/consents/{decided.ConsentId}");
        var corners = consent.EffectiveArea.GetProperty("coordinates")[0][0].EnumerateArray().Select(p => p[0].GetDouble()).ToList();
        Assert.Equal(67.1, corners.Max(), 6);
    }

    [Fact]
    public async Task A_decision_whose_area_is_not_geojson_names_the_field_and_keeps_what_was_typed()
    {
        var request = await app.SubmittedRequestAsync("LiaisonPresence", ["PK-NACTA"]);
        using var nacta = await app.SignInWebAsync("pk.analyst");

        var response = await nacta.PostFormAsync($"/Operations/Request/{request.Id}",
        [
            F("Decision.Answer", "ApproveWithConditions"), F("Decision.Reasons", "Typed reasons stay."), F("Decision.Area", "{not json"),
        ], handler: "Decide");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-field=\"area\"", html);
        Assert.Contains("Typed reasons stay.", html);
        Assert.Contains("{not json", html);
        Assert.Contains("<option value=\"ApproveWithConditions\" selected", html);
        using var liaison = await app.LoginAs("cn.liaison");
        Assert.Empty((await liaison.GetAs<ConsentRequestDto>($"/api/operations/consent-requests/{request.Id}")).Decisions);
    }

    [Fact]
    public async Task The_host_releases_a_consent_to_another_partner_and_the_requester_amends_it_on_the_register_page()
    {
        var granted = await ConsentArrange.GrantAsync(app, app.Now.AddHours(-1), app.Now.AddDays(7));
        using var other = await app.LoginAs("us.analyst");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/operations/consents/{granted.ConsentId}")).StatusCode);

        using var host = await app.SignInWebAsync("pk.analyst");
        await host.PostFormAsync("/Operations/Consents", [F("id", granted.ConsentId.ToString()), F("releaseTo", "CN-MPS, US-CT")], handler: "Release");
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync($"/api/operations/consents/{granted.ConsentId}")).StatusCode);

        using var requester = await app.SignInWebAsync("cn.liaison");
        var amended = await requester.PostFormAsync("/Operations/Consents", [F("id", granted.ConsentId.ToString())], handler: "Amend");
        var path = BrowserlessSession.FinalPath(amended);
        Assert.StartsWith("/Operations/Request/", path);
        using var liaison = await app.LoginAs("cn.liaison");
        var draft = await liaison.GetAs<ConsentRequestDto>("/api/operations/consent-requests/" + path["/Operations/Request/".Length..]);
        Assert.Equal(("Draft", granted.ConsentId), (draft.Status, draft.AmendsConsentId));
    }
}
