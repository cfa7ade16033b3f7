using System.Net;
using System.Text.RegularExpressions;
using Jsms.Features.Audit;
using Jsms.Platform.Audit;
using Jsms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Tests.Accounts;

/// <summary>/Accounts/Security: any signed-in user turns their own two-factor sign-in on and off.</summary>
public sealed partial class SecurityPageTests(JsmsTestApp app) : IClassFixture<JsmsTestApp>
{
    [Fact]
    public async Task Security_page_shows_an_authenticator_key_in_groups_of_four_and_its_otpauth_uri()
    {
        using var viewer = await app.SignInWebAsync("pk.viewer");
        var page = await viewer.Client.GetStringAsync("/Accounts/Security");
        Assert.Contains("data-enabled=\"false\"", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"totp-setup\"", page, StringComparison.Ordinal);

        var html = await (await viewer.PostFormAsync("/Accounts/Security", [], handler: "Setup")).Content.ReadAsStringAsync();
        var key = KeyOf(html);
        Assert.Matches("^([a-z2-7]{4} )+[a-z2-7]{1,4}$", key);
        var uri = WebUtility.HtmlDecode(UriPattern().Match(html).Groups[1].Value);
        Assert.StartsWith($"otpauth://totp/JSMS:pk.viewer?secret={key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant()}&issuer=JSMS", uri, StringComparison.Ordinal);
        Assert.Contains("digits=6", uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_code_leaves_two_factor_sign_in_off_and_shows_the_same_key_again()
    {
        using var analyst = await app.SignInWebAsync("ru.analyst");
        var key = KeyOf(await (await analyst.PostFormAsync("/Accounts/Security", [], handler: "Setup")).Content.ReadAsStringAsync());
        var response = await analyst.PostFormAsync("/Accounts/Security", [new("Code", "000000")], handler: "Enable");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"security-error\"", html, StringComparison.Ordinal);
        Assert.Contains("data-enabled=\"false\"", html, StringComparison.Ordinal);
        Assert.Equal(key, KeyOf(html));
        Assert.False(await app.WithDb(db => db.Users.Where(u => u.UserName == "ru.analyst").Select(u => u.TwoFactorEnabled).SingleAsync()));
    }

    [Fact]
    public async Task Two_factor_sign_in_is_turned_on_with_a_code_then_asked_at_login_and_turned_off_again()
    {
        using var session = await app.SignInWebAsync("cn.coordinator");
        var key = KeyOf(await (await session.PostFormAsync("/Accounts/Security", [], handler: "Setup")).Content.ReadAsStringAsync());

        var on = await session.PostFormAsync("/Accounts/Security", [new("Code", Totp.Code(key, DateTimeOffset.UtcNow))], handler: "Enable");
        var html = await on.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"security-notice\"", html, StringComparison.Ordinal);
        Assert.Contains("data-enabled=\"true\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"totp-key\"", html, StringComparison.Ordinal);

        // The login page now asks for the code.
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.SignInWebAsync("cn.coordinator"));

        var wrong = await session.PostFormAsync("/Accounts/Security", [new("Code", "12345")], handler: "Disable");
        Assert.Contains("data-enabled=\"true\"", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var off = await session.PostFormAsync("/Accounts/Security", [new("Code", Totp.Code(key, DateTimeOffset.UtcNow))], handler: "Disable");
        Assert.Contains("data-enabled=\"false\"", await off.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var actions = await app.WithDb(db => db.Set<AuditEntry>().Where(e => e.UserName == "cn.coordinator" && (e.Action == "totp.enable" || e.Action == "totp.disable"))
            .OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());
        Assert.Equal(["totp.enable", "totp.disable"], actions);
    }

    private static string KeyOf(string html)
    {
        var match = KeyPattern().Match(html);
        Assert.True(match.Success, "no authenticator key on the page");
        return match.Groups[1].Value;
    }

    [GeneratedRegex("data-testid=\"totp-key\">([^<]+)<")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("data-testid=\"totp-uri\">([^<]+)<")]
    private static partial Regex UriPattern();
}
