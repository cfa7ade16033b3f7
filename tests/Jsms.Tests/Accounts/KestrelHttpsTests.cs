using System.Net;
using Jsms.Features.Demo;

namespace Jsms.Tests.Accounts;

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
