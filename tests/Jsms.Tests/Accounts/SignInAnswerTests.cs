using System.Net;
using Jsms.Features.Demo;
using Jsms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Tests.Accounts;

/// <summary>
/// A refused sign-in says nothing about the account: unknown, wrong password, disabled and locked get one answer on
/// every path, while the audit keeps the difference.
/// </summary>
public sealed class SignInAnswerTests(TrustedProxyTestApp app) : IClassFixture<TrustedProxyTestApp>
{
    private const string Password = DemoScenario.DemoPassword;

    [Fact]
    public async Task Locked_disabled_and_unknown_accounts_get_the_answer_of_a_wrong_password_on_every_path()
    {
        await app.AddUserAsync("answer.wrong");
        var disabled = await app.AddUserAsync("answer.disabled");
        var locked = await app.AddUserAsync("answer.locked");
        await app.WithDb(db => db.Users.Where(u => u.Id == disabled).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsDisabled, true)));
        await app.WithDb(db => db.Users.Where(u => u.Id == locked)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, JsmsTestApp.Start.AddYears(1))));
        var attempts = new (string Name, string Password)[]
        {
            ("answer.wrong", "not-the-password"), ("answer.disabled", Password), ("answer.locked", Password), ("answer.nobody", Password),
        };

        var token = new List<(HttpStatusCode, string?, string)>();
        var taxii = new List<(HttpStatusCode, string, string)>();
        var page = new List<(HttpStatusCode, string?)>();
        foreach (var (name, password) in attempts)
        {
            var viaToken = await app.TokenFromAsync("203.0.113.70", name, password);
            token.Add((viaToken.StatusCode, viaToken.Content.Headers.ContentType?.ToString(), await SignInRequests.ComparableBodyAsync(viaToken)));
            var viaTaxii = await app.TaxiiBasicFromAsync("203.0.113.70", name, password);
            taxii.Add((viaTaxii.StatusCode, viaTaxii.Headers.WwwAuthenticate.ToString(), await viaTaxii.Content.ReadAsStringAsync()));
            var viaPage = await app.LoginPageFromAsync("203.0.113.70", name, password);
            page.Add((viaPage.StatusCode, await SignInRequests.LoginErrorAsync(viaPage)));
        }

        Assert.Single(token.Distinct());
        Assert.Equal(HttpStatusCode.Unauthorized, token[0].Item1);
        Assert.Contains("The username or password is not valid.", token[0].Item3, StringComparison.Ordinal);
        Assert.Single(taxii.Distinct());
        Assert.Equal(HttpStatusCode.Unauthorized, taxii[0].Item1);
        Assert.Single(page.Distinct());
        Assert.Equal((HttpStatusCode.Unauthorized, "The username or password is not valid."), page[0]);
        // The audit still tells the administrator what happened.
        var details = await app.AuditEntriesAsync(e => e.Action == "login.failure" && e.UserName.StartsWith("answer."));
        Assert.Contains(details, e => e.UserName == "answer.disabled" && e.Detail == "taxii-basic: Disabled");
        Assert.Contains(details, e => e.UserName == "answer.locked" && e.Detail == "web: LockedOut");
        Assert.Contains(details, e => e.UserName == "answer.nobody" && e.Detail == "api: InvalidCredentials");
    }

    [Fact]
    public async Task Wrong_passwords_no_longer_lock_the_account_so_the_lockout_cannot_be_read_or_used()
    {
        var id = await app.AddUserAsync("answer.nolock");
        for (var i = 0; i < 5; i++)
        {
            await app.TokenFromAsync($"203.0.113.{80 + i}", "answer.nolock", $"wrong-{i}");
        }

        var user = await app.WithDb(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == id));
        Assert.Null(user.LockoutEnd);
        Assert.Equal(0, user.AccessFailedCount);
        Assert.Equal(HttpStatusCode.OK, (await app.TokenFromAsync("198.51.100.80", "answer.nolock", Password)).StatusCode);
    }
}
