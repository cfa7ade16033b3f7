using System.Net;
using System.Text.RegularExpressions;
using Jsms.Features.Demo;

namespace Jsms.Tests.Consultations;

/// <summary>The consultation pages, driven over HTTP with the sign-in cookie and the forms' antiforgery tokens.</summary>
public sealed partial class ConsultationPageTests(ConsultationsTestApp app) : IClassFixture<ConsultationsTestApp>
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("href=\"/Consultations/Dialogue/([0-9a-f-]{36})\"")]
    private static partial Regex DialogueLink();

    private sealed class Browser(HttpClient client) : IDisposable
    {
        public HttpClient Client { get; } = client;

        public async Task<string> Page(string url, HttpStatusCode expected = HttpStatusCode.OK)
        {
            var response = await Client.GetAsync(url);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == expected, $"GET {url}: {(int)response.StatusCode}");
            return html;
        }

        /// <summary>Posts a form of the page at <paramref name="pageUrl"/> with its antiforgery token.</summary>
        public async Task<HttpResponseMessage> Submit(string pageUrl, string action, Dictionary<string, string> fields)
        {
            var html = await Page(pageUrl);
            fields["__RequestVerificationToken"] = AntiforgeryToken().Match(html).Groups[1].Value;
            return await Client.PostAsync(action, new FormUrlEncodedContent(fields));
        }

        public void Dispose() => Client.Dispose();
    }

    private async Task<Browser> SignIn(string username)
    {
        var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        var browser = new Browser(new HttpClient(handler) { BaseAddress = app.BaseAddress });
        var response = await browser.Submit("/Accounts/Login", "/Accounts/Login", new()
        {
            ["Username"] = username,
            ["Password"] = DemoScenario.DemoPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }

    [Fact]
    public async Task Analyst_creates_an_overdue_commitment_in_the_page_and_sees_it_on_the_dashboard_but_a_partner_without_release_does_not()
    {
        using var analyst = await SignIn("pk.analyst");
        var created = await analyst.Submit("/Consultations", "/Consultations", new()
        {
            ["NewDialogue.Title"] = "Page-made dialogue",
            ["NewDialogue.Format"] = "Working group",
            ["NewDialogue.Parties"] = "PK-NACTA, CN-MPS",
            ["NewDialogue.Marking.Tlp"] = "AMBER",
            ["NewDialogue.Marking.ReleaseTo"] = "CN-MPS",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var dialogueUrl = created.Headers.Location!.OriginalString;

        var title = $"Perimeter cameras at the airport {Guid.NewGuid():N}";
        var commitment = await analyst.Submit(dialogueUrl, dialogueUrl + "?handler=Commitment", new()
        {
            ["NewCommitment.Title"] = title,
            ["NewCommitment.Sector"] = "Security",
            ["NewCommitment.ResponsibleAgency"] = "PK-SINDH",
            ["NewCommitment.DueOn"] = app.Today.AddDays(-2).ToString("yyyy-MM-dd"),
            ["NewCommitment.Marking.Tlp"] = "AMBER",
            ["NewCommitment.Marking.ReleaseTo"] = "CN-MPS",
        });
        Assert.Equal(HttpStatusCode.Redirect, commitment.StatusCode);

        var dashboard = await analyst.Page("/");
        Assert.Contains("data-testid=\"overdue-commitments\"", dashboard, StringComparison.Ordinal);
        Assert.Contains(title, dashboard, StringComparison.Ordinal);
        Assert.Matches(new Regex("<tr class=\"overdue\" data-testid=\"commitment-row\"[^>]*>\\s*<td>\\s*<a [^>]*>" + Regex.Escape(title)), dashboard);
        Assert.Contains(title, await analyst.Page(dialogueUrl), StringComparison.Ordinal);

        using var china = await SignIn("cn.liaison");
        Assert.Contains(title, await china.Page("/"), StringComparison.Ordinal);

        using var russia = await SignIn("ru.analyst");
        Assert.DoesNotContain(title, await russia.Page("/"), StringComparison.Ordinal);
        await russia.Page(dialogueUrl, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Bad_commitment_form_is_shown_again_with_the_errors_naming_the_fields()
    {
        using var analyst = await SignIn("pk.analyst");
        var dialogueId = DialogueLink().Match(await analyst.Page("/Consultations")).Groups[1].Value;
        var url = $"/Consultations/Dialogue/{dialogueId}";
        var response = await analyst.Submit(url, url + "?handler=Commitment", new()
        {
            ["NewCommitment.Title"] = "",
            ["NewCommitment.Sector"] = "Astrology",
            ["NewCommitment.DueOn"] = "2026-02-30",
            ["NewCommitment.Marking.Tlp"] = "AMBER",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"form-errors\"", html, StringComparison.Ordinal);
        Assert.Contains("data-field=\"title\"", html, StringComparison.Ordinal);
        Assert.Contains("data-field=\"sector\"", html, StringComparison.Ordinal);
        Assert.Contains("data-field=\"dueOn\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_consultation_page_renders_for_the_demo_users_and_viewers_get_no_forms()
    {
        using var coordinator = await SignIn("pk.coordinator");
        var home = await coordinator.Page("/");
        Assert.Contains("data-testid=\"urgent-pending-item\"", home, StringComparison.Ordinal); // the demo's pending message from CN-MPS
        Assert.Contains("dialogue-chart", home, StringComparison.Ordinal);
        var list = await coordinator.Page("/Consultations");
        Assert.Contains("data-testid=\"new-dialogue-form\"", list, StringComparison.Ordinal);
        var dialogueId = DialogueLink().Match(list).Groups[1].Value;
        var dialogue = await coordinator.Page($"/Consultations/Dialogue/{dialogueId}");
        Assert.Contains("data-testid=\"new-commitment-form\"", dialogue, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"new-meeting-form\"", dialogue, StringComparison.Ordinal);
        var commitmentId = Regex.Match(dialogue, "href=\"/Consultations/Commitment/([0-9a-f-]{36})\"").Groups[1].Value;
        Assert.Contains("data-testid=\"commitment-status\"", await coordinator.Page($"/Consultations/Commitment/{commitmentId}"), StringComparison.Ordinal);
        var meetingId = Regex.Match(dialogue, "href=\"/Consultations/Meeting/([0-9a-f-]{36})\"").Groups[1].Value;
        await coordinator.Page($"/Consultations/Meeting/{meetingId}");
        var urgent = await coordinator.Page("/Consultations/Urgent");
        Assert.Contains("data-testid=\"urgent-send-form\"", urgent, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"acknowledge\"", urgent, StringComparison.Ordinal);

        using var viewer = await SignIn("pk.viewer");
        Assert.DoesNotContain("new-dialogue-form", await viewer.Page("/Consultations"), StringComparison.Ordinal);
        Assert.DoesNotContain("new-commitment-form", await viewer.Page($"/Consultations/Dialogue/{dialogueId}"), StringComparison.Ordinal);
        Assert.DoesNotContain("urgent-send-form", await viewer.Page("/Consultations/Urgent"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_viewer_posting_a_form_anyway_gets_403_not_the_sign_in_page()
    {
        using var viewer = await SignIn("pk.viewer");
        var refused = await viewer.Submit("/Consultations", "/Consultations", new()
        {
            ["NewDialogue.Title"] = "Not allowed",
            ["NewDialogue.Format"] = "Dialogue",
            ["NewDialogue.Parties"] = "CN-MPS",
        });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Null(refused.Headers.Location);
        // Still signed in: the session was not ended by the refusal.
        await viewer.Page("/Consultations");
    }

    [Fact]
    public async Task Recipient_acknowledges_an_urgent_message_from_the_page()
    {
        using var china = await SignIn("cn.coordinator");
        var subject = $"Convoy route change {Guid.NewGuid():N}";
        var sent = await china.Submit("/Consultations/Urgent", "/Consultations/Urgent?handler=Send", new()
        {
            ["NewMessage.To"] = "PK-NACTA",
            ["NewMessage.Subject"] = subject,
            ["NewMessage.Body"] = "Please confirm the escort is informed.",
            ["NewMessage.AcknowledgeWithinMinutes"] = "45",
            ["NewMessage.Marking.Tlp"] = "AMBER",
        });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        using var pakistan = await SignIn("pk.analyst");
        var inbox = await pakistan.Page("/Consultations/Urgent");
        var id = Regex.Match(inbox, "data-message-id=\"([0-9a-f-]{36})\" data-state=\"Pending\">\\s*<div class=\"page-head\">\\s*<strong>" + Regex.Escape(subject)).Groups[1].Value;
        Assert.NotEmpty(id);
        var acknowledged = await pakistan.Submit("/Consultations/Urgent", $"/Consultations/Urgent?handler=Acknowledge&id={id}", new() { ["reply"] = "Escort informed." });
        Assert.Equal(HttpStatusCode.Redirect, acknowledged.StatusCode);

        var outbox = await china.Page("/Consultations/Urgent");
        Assert.Contains("Escort informed.", outbox, StringComparison.Ordinal);
    }
}
