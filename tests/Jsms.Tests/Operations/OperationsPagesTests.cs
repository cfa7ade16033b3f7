using System.Net;
using Jsms.Tests.Infrastructure;

namespace Jsms.Tests.Operations;

/// <summary>The operations pages: a request made on the form, decided on its page with the rule's progress shown, and the register.</summary>
public sealed class OperationsPagesTests(OperationsTestApp app) : IClassFixture<OperationsTestApp>
{
    private static KeyValuePair<string, string> F(string name, string value) => new(name, value);

    [Fact]
    public async Task A_request_made_on_the_form_is_decided_on_its_page_and_appears_in_the_register()
    {
        await app.EnsureHostsAsync();
        using var requester = await app.SignInWebAsync("cn.liaison");
        var start = app.Now.AddDays(2).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var end = app.Now.AddDays(9).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var created = await requester.PostFormAsync("/Operations/NewRequest",
        [
            F("Form.HostState", "PK"), F("Form.Authorities", "PK-NACTA, PK-ISI"), F("Form.Kind", "LiaisonPresence"),
            F("Form.Purpose", "Page-made liaison request"), F("Form.Area", OperationsTestApp.Karachi), F("Form.PeriodStart", start),
            F("Form.PeriodEnd", end), F("Form.Personnel", "Liu Yang; Inspector; Liaison officer; E55501234"), F("Form.SubmitNow", "true"),
        ]);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var path = BrowserlessSession.FinalPath(created);
        Assert.StartsWith("/Operations/Request/", path);
        var page = await created.Content.ReadAsStringAsync();
        Assert.Contains("Submitted", page);
        Assert.Contains("0 of 2 approved, no refusal yet", page);

        using var nacta = await app.SignInWebAsync("pk.analyst");
        var decided = await nacta.PostFormAsync(path, [F("Decision.Answer", "Approve"), F("Decision.Reasons", "Meetings only.")], handler: "Decide");
        Assert.Contains("1 of 2 approved, no refusal yet", await decided.Content.ReadAsStringAsync());

        using var outsider = await app.SignInWebAsync("ru.analyst");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Client.GetAsync(path)).StatusCode);
        Assert.DoesNotContain("Page-made liaison request", await outsider.Client.GetStringAsync("/Operations"));

        using var isi = await app.SignInWebAsync("pk.isi");
        var granted = await isi.PostFormAsync(path, [F("Decision.Answer", "Approve")], handler: "Decide");
        Assert.Contains("Approved", await granted.Content.ReadAsStringAsync());
        var register = await requester.Client.GetStringAsync("/Operations/Consents?State=PK");
        Assert.Contains("Page-made liaison request", register);
        Assert.Contains("Liu Yang", register);
        Assert.DoesNotContain("E55501234", register);
    }

    [Fact]
    public async Task A_form_with_a_bad_area_names_the_field_and_saves_nothing()
    {
        using var requester = await app.SignInWebAsync("cn.liaison");
        var response = await requester.PostFormAsync("/Operations/NewRequest",
        [
            F("Form.HostState", "PK"), F("Form.Authorities", "PK-NACTA"), F("Form.Kind", "LiaisonPresence"), F("Form.Purpose", "Bad area form"),
            F("Form.Area", """{"type":"Polygon","coordinates":[[[1,1],[2,2]]]}"""), F("Form.PeriodStart", "2026-12-01T00:00"), F("Form.PeriodEnd", "2026-12-05T00:00"),
        ]);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-field=\"area\"", html);
        Assert.DoesNotContain("Bad area form", await requester.Client.GetStringAsync("/Operations"));
    }

    [Fact]
    public async Task The_demo_shows_the_refused_joint_strikes_and_the_conditional_liaison_consent()
    {
        using var china = await app.LoginAs("cn.coordinator");
        var requests = await china.GetAs<List<Features.Operations.ConsentRequestSummaryDto>>("/api/operations/consent-requests");
        Assert.Contains(requests, r => r.Kind == "JointStrike" && r.Status == "Refused");
        Assert.Contains(requests, r => r.Kind == "LiaisonPresence" && r.Status == "ApprovedWithConditions");
        var active = await china.GetAs<List<Features.Operations.ActivePresenceDto>>("/api/operations/consents/active?state=PK");
        Assert.Contains(active, p => p.Kind == "TrainingTeam");
        Assert.Contains(active, p => p.Kind == "LiaisonPresence" && p.Personnel.Any(x => x.Name == "Wang Jun"));

        using var russia = await app.LoginAs("ru.analyst");
        Assert.Empty(await russia.GetAs<List<Features.Operations.ConsentRequestSummaryDto>>("/api/operations/consent-requests"));
        using var web = await app.SignInWebAsync("pk.coordinator");
        Assert.Contains("Consent register", await web.Client.GetStringAsync("/Operations/Consents"));
    }
}
