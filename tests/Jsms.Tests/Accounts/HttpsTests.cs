using System.Net;
using Jsms.Features.Demo;
using Jsms.Tests.Infrastructure;

namespace Jsms.Tests.Accounts;

/// <summary>HSTS and Secure cookies follow the scheme the client used; a forwarded scheme counts only from a configured proxy.</summary>
public sealed class PlainHttpTests(JsmsTestApp app) : IClassFixture<JsmsTestApp>
{
    [Fact]
    public async Task Over_plain_http_there_is_no_hsts_and_cookies_are_not_secure()
    {
        var (page, signIn) = await app.LoginPageAsync("pk.analyst", DemoScenario.DemoPassword, r => r.Headers.Host = "jsms.example.org");

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        HttpsAssert.NoHsts(page, signIn);
        HttpsAssert.CookiesAre(secure: false, page, signIn);
    }

    [Fact]
    public async Task A_forwarded_https_scheme_is_ignored_when_no_proxy_is_configured()
    {
        var (page, signIn) = await app.LoginPageAsync("pk.analyst", DemoScenario.DemoPassword, r =>
        {
            r.Headers.Host = "jsms.example.org";
            r.Headers.Add("X-Forwarded-Proto", "https");
            r.Headers.Add("X-Forwarded-For", "203.0.113.90");
        });

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        HttpsAssert.NoHsts(page, signIn);
        HttpsAssert.CookiesAre(secure: false, page, signIn);
        var entries = await app.AuditEntriesAsync(e => e.UserName == "pk.analyst" && e.Action == "login.success" && e.Detail == "web: Success");
        Assert.DoesNotContain(entries, e => e.RemoteAddress == "203.0.113.90");
    }
}

public sealed class HttpsBehindProxyTests(TrustedProxyTestApp app) : IClassFixture<TrustedProxyTestApp>
{
    [Fact]
    public async Task Https_forwarded_by_a_trusted_proxy_gets_hsts_and_secure_auth_and_antiforgery_cookies()
    {
        var (page, signIn) = await app.LoginPageAsync("pk.analyst", DemoScenario.DemoPassword, r =>
        {
            r.Headers.Host = "jsms.example.org";
            r.Headers.Add("X-Forwarded-Proto", "https");
            r.Headers.Add("X-Forwarded-For", "198.51.100.90");
        });

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("max-age=31536000", string.Join(",", page.Headers.GetValues("Strict-Transport-Security")));
        Assert.True(signIn.Headers.Contains("Strict-Transport-Security"));
        HttpsAssert.CookiesAre(secure: true, page, signIn);
        Assert.Contains(SignInRequests.SetCookies(signIn), c => c.StartsWith("jsms.auth=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Plain_http_through_the_trusted_proxy_gets_no_hsts()
    {
        var (page, signIn) = await app.LoginPageAsync("pk.analyst", DemoScenario.DemoPassword, r =>
        {
            r.Headers.Host = "jsms.example.org";
            r.Headers.Add("X-Forwarded-Proto", "http");
            r.Headers.Add("X-Forwarded-For", "198.51.100.91");
        });

        HttpsAssert.NoHsts(page, signIn);
        HttpsAssert.CookiesAre(secure: false, page, signIn);
    }
}

public sealed class KestrelHttpsTests(KestrelHttpsTestApp app) : IClassFixture<KestrelHttpsTestApp>
{
    [Fact]
    public async Task Kestrel_with_a_configured_certificate_serves_https_with_hsts_and_secure_cookies()
    {
        Assert.Equal("https", app.BaseAddress.Scheme);
        var handler = new HttpClientHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            // The test's own self-signed certificate.
            ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
        };

        var (page, signIn) = await app.LoginPageAsync("pk.analyst", DemoScenario.DemoPassword, r => r.Headers.Host = "jsms.example.org", handler);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.True(page.Headers.Contains("Strict-Transport-Security"));
        HttpsAssert.CookiesAre(secure: true, page, signIn);
    }
}

internal static class HttpsAssert
{
    public static void NoHsts(params HttpResponseMessage[] responses)
        => Assert.All(responses, r => Assert.False(r.Headers.Contains("Strict-Transport-Security")));

    /// <summary>Every cookie set (antiforgery on the page, auth on sign-in) is, or is not, marked Secure.</summary>
    public static void CookiesAre(bool secure, HttpResponseMessage page, HttpResponseMessage signIn)
    {
        var cookies = SignInRequests.SetCookies(page).Concat(SignInRequests.SetCookies(signIn)).ToList();
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.Equal(secure, c.Split(';').Any(part => part.Trim().Equals("secure", StringComparison.OrdinalIgnoreCase))));
    }
}
