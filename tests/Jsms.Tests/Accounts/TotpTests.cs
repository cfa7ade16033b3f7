using System.Net;
using System.Net.Http.Json;
using Jsms.Features.Accounts;
using Jsms.Platform.Identity;
using Jsms.Tests.Infrastructure;

namespace Jsms.Tests.Accounts;

public sealed class TotpTests(JsmsTestApp app) : IClassFixture<JsmsTestApp>
{
    [Fact]
    public async Task With_a_second_factor_on_a_token_needs_the_current_TOTP_code()
    {
        var id = await app.AddUserAsync("totp.subject", "CN-MPS");
        var (_, client) = await app.FreshTokenAsync("totp.subject");
        using var _ = client;

        var setup = await client.PostAsync("/api/auth/totp/setup", null);
        Assert.Equal(HttpStatusCode.OK, setup.StatusCode);
        var key = (await setup.Content.ReadFromJsonAsync<TotpSetupKey>(TrustTestSupport.Json))!;
        var secret = key.SharedKey.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        Assert.StartsWith("otpauth://totp/JSMS:totp.subject?secret=" + secret, key.AuthenticatorUri, StringComparison.Ordinal);
        Assert.Contains("issuer=JSMS", key.AuthenticatorUri, StringComparison.Ordinal);

        // A wrong code does not turn it on, and names the field.
        var wrong = await client.PostAsJsonAsync("/api/auth/totp/enable", new { code = WrongCode(secret) });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.True((await wrong.ValidationProblemAsync()).Errors.ContainsKey("code"));
        Assert.Equal(HttpStatusCode.OK, (await app.RequestTokenAsync("totp.subject")).StatusCode);

        var enable = await client.PostAsJsonAsync("/api/auth/totp/enable", new { code = Totp.Now(secret) });
        Assert.Equal(HttpStatusCode.OK, enable.StatusCode);
        Assert.True((await enable.Content.ReadFromJsonAsync<TotpStatus>(TrustTestSupport.Json))!.Enabled);

        var withoutCode = await app.RequestTokenAsync("totp.subject");
        Assert.Equal(HttpStatusCode.Unauthorized, withoutCode.StatusCode);
        Assert.Contains("TOTP", (await withoutCode.ProblemAsync()).Detail, StringComparison.Ordinal);

        var badCode = await app.RequestTokenAsync("totp.subject", totp: WrongCode(secret));
        Assert.Equal(HttpStatusCode.Unauthorized, badCode.StatusCode);
        Assert.Equal("The TOTP code is not valid.", (await badCode.ProblemAsync()).Detail);

        var withCode = await app.RequestTokenAsync("totp.subject", totp: Totp.Now(secret));
        Assert.Equal(HttpStatusCode.OK, withCode.StatusCode);

        var entries = await app.AuditEntriesAsync(e => e.UserName == "totp.subject");
        Assert.Contains(entries, e => e.Action == "totp.setup" && e.RecordId == id);
        Assert.Contains(entries, e => e.Action == "totp.failure");
        Assert.Contains(entries, e => e.Action == "totp.enable");
        Assert.Contains(entries, e => e.Action == "login.failure" && e.Detail == "api: TotpRequired");
        Assert.Contains(entries, e => e.Action == "login.failure" && e.Detail == "api: InvalidTotp");
    }

    [Fact]
    public async Task The_second_factor_is_turned_off_only_with_a_valid_code_and_a_new_key_needs_it_off_first()
    {
        await app.AddUserAsync("totp.off", "PK-SINDH");
        var (_, client) = await app.FreshTokenAsync("totp.off");
        using var _ = client;
        var key = (await (await client.PostAsync("/api/auth/totp/setup", null)).Content.ReadFromJsonAsync<TotpSetupKey>(TrustTestSupport.Json))!;
        var secret = key.SharedKey.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/auth/totp/enable", new { code = Totp.Now(secret) })).StatusCode);

        var again = await client.PostAsync("/api/auth/totp/setup", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("already on", (await again.ProblemAsync()).Detail, StringComparison.Ordinal);

        var missing = await client.PostAsJsonAsync("/api/auth/totp/disable", new { code = (string?)null });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.True((await missing.ValidationProblemAsync()).Errors.ContainsKey("code"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.RequestTokenAsync("totp.off")).StatusCode);

        var disable = await client.PostAsJsonAsync("/api/auth/totp/disable", new { code = Totp.Now(secret) });
        Assert.Equal(HttpStatusCode.OK, disable.StatusCode);
        Assert.False((await disable.Content.ReadFromJsonAsync<TotpStatus>(TrustTestSupport.Json))!.Enabled);
        Assert.Equal(HttpStatusCode.OK, (await app.RequestTokenAsync("totp.off")).StatusCode);
        Assert.Contains(await app.AuditEntriesAsync(e => e.UserName == "totp.off"), e => e.Action == "totp.disable");

        var notOn = await client.PostAsJsonAsync("/api/auth/totp/disable", new { code = Totp.Now(secret) });
        Assert.Equal(HttpStatusCode.Conflict, notOn.StatusCode);
    }

    [Fact]
    public async Task Enabling_before_the_set_up_step_is_refused()
    {
        await app.AddUserAsync("totp.early", "RU-NAC");
        var (_, client) = await app.FreshTokenAsync("totp.early");
        using var _ = client;

        var response = await client.PostAsJsonAsync("/api/auth/totp/enable", new { code = "123456" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("/api/auth/totp/setup", (await response.ProblemAsync()).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void The_test_TOTP_matches_the_RFC_6238_SHA1_vectors()
    {
        // RFC 6238 appendix B, SHA-1 key "12345678901234567890" (base32 below), last 6 digits.
        const string key = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
        Assert.Equal("287082", Totp.Code(key, DateTimeOffset.FromUnixTimeSeconds(59)));
        Assert.Equal("081804", Totp.Code(key, DateTimeOffset.FromUnixTimeSeconds(1111111109)));
        Assert.Equal("279037", Totp.Code(key, DateTimeOffset.FromUnixTimeSeconds(2000000000)));
        Assert.Equal("353130", Totp.Code(key, DateTimeOffset.FromUnixTimeSeconds(20000000000)));
    }

    /// <summary>A code valid for none of the steps Identity accepts around now.</summary>
    private static string WrongCode(string secret)
    {
        var now = DateTimeOffset.UtcNow;
        var valid = Enumerable.Range(-3, 7).Select(step => Totp.Code(secret, now.AddSeconds(30 * step))).ToHashSet();
        return Enumerable.Range(0, 1000).Select(i => i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).First(c => !valid.Contains(c));
    }
}
