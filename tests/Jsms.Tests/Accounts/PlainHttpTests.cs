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
