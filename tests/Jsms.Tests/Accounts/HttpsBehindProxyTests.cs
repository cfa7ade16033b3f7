using System.Net;
using Jsms.Features.Demo;

namespace Jsms.Tests.Accounts;

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
