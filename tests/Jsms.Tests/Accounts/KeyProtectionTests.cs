using System.Net;

namespace Jsms.Tests.Accounts;

public sealed class KeyProtectionTests(KeyProtectionTestApp app) : IClassFixture<KeyProtectionTestApp>
{
    [Fact]
    public async Task With_a_certificate_configured_the_key_files_are_encrypted_xml_and_still_work_after_a_restart()
    {
        var (_, signIn) = await app.LoginPageAsync("pk.analyst", Jsms.Features.Demo.DemoScenario.DemoPassword, _ => { });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var cookie = SignInRequests.SetCookies(signIn).Single(c => c.StartsWith("jsms.auth=", StringComparison.Ordinal)).Split(';')[0];

        var files = Directory.GetFiles(app.KeysDirectory, "*.xml");
        Assert.NotEmpty(files);
        Assert.All(files, file =>
        {
            var xml = File.ReadAllText(file);
            Assert.Contains("<encryptedSecret", xml, StringComparison.Ordinal);
            Assert.Contains("<EncryptedData", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
        });

        // The restarted app decrypts the key ring with the certificate: the cookie it issued before still signs in.
        await app.RestartAsync();
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        request.Headers.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
    }
}
