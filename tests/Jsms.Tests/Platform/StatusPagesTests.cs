using System.Net;
using System.Net.Http.Json;
using Jsms.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Jsms.Tests.Platform;

/// <summary>A browser refused an action gets a page in the layout (status kept); API clients keep ProblemDetails.</summary>
public sealed class StatusPagesTests(JsmsTestApp app) : IClassFixture<JsmsTestApp>
{
    // What a browser sends when it navigates or posts a form.
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private async Task<BrowserlessSession> Browser(string username)
    {
        var session = await app.SignInWebAsync(username);
        session.Client.DefaultRequestHeaders.Accept.ParseAdd(BrowserAccept);
        return session;
    }

    [Fact]
    public async Task A_signed_in_user_refused_a_page_gets_a_page_in_the_layout_saying_so()
    {
        using var analyst = await Browser("pk.analyst");
        var response = await analyst.Client.GetAsync("/Audit");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("data-testid=\"current-user\"", html, StringComparison.Ordinal); // the layout, still signed in
        Assert.Contains("data-status=\"403\"", html, StringComparison.Ordinal);
        Assert.Contains("<h1>You are not allowed to do this</h1>", html, StringComparison.Ordinal);
        Assert.Contains("GET /Audit", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"status-back\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"audit-entries\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_viewer_posting_a_form_anyway_gets_the_page_and_nothing_is_created()
    {
        using var viewer = await Browser("pk.viewer");
        var refused = await viewer.PostFormAsync("/Consultations", new Dictionary<string, string>
        {
            ["NewDialogue.Title"] = "Refused dialogue (status page)",
            ["NewDialogue.Format"] = "Dialogue",
            ["NewDialogue.Parties"] = "CN-MPS",
        });
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("<h1>You are not allowed to do this</h1>", html, StringComparison.Ordinal);
        Assert.Contains("POST /Consultations", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Refused dialogue (status page)", await viewer.Client.GetStringAsync("/Consultations"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_clients_refused_get_a_problem_details_403_not_the_page()
    {
        using var analyst = await app.LoginAs("pk.analyst");
        var response = await analyst.GetAsync("/api/audit");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(403, (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Status);

        // The same from a browser session's script (fetch asks for JSON): ProblemDetails too.
        using var session = await app.SignInWebAsync("pk.analyst");
        using var fetch = new HttpRequestMessage(HttpMethod.Get, "/api/audit");
        fetch.Headers.Accept.ParseAdd("application/json");
        var fromPage = await session.Client.SendAsync(fetch);
        Assert.Equal(HttpStatusCode.Forbidden, fromPage.StatusCode);
        Assert.Equal("application/problem+json", fromPage.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_record_that_is_not_there_gets_the_not_found_page_and_the_page_itself_is_not_an_address()
    {
        using var analyst = await Browser("pk.analyst");
        var missing = await analyst.Client.GetAsync($"/Protection/Movement/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var html = await missing.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Not found</h1>", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"current-user\"", html, StringComparison.Ordinal);

        var direct = await analyst.Client.GetAsync("/Errors/403");
        Assert.Equal(HttpStatusCode.NotFound, direct.StatusCode);
        Assert.DoesNotContain("You are not allowed", await direct.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
