using System.Net;
using System.Net.Http.Json;
using Jsms.Features.Accounts;
using Jsms.Platform.Identity;
using Jsms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Tests.Accounts;

public sealed class TokenTests(JsmsTestApp app) : IClassFixture<JsmsTestApp>
{
    [Fact]
    public async Task Valid_credentials_get_a_bearer_token_that_identifies_the_caller_and_both_are_audited()
    {
        var response = await app.RequestTokenAsync("pk.coordinator");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = (await response.Content.ReadFromJsonAsync<TokenResponse>(TrustTestSupport.Json))!;
        Assert.Equal("Bearer", token.TokenType);
        Assert.Equal(3600, token.ExpiresIn);
        Assert.StartsWith("jsms_", token.AccessToken, StringComparison.Ordinal);

        using var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token.AccessToken);
        var me = await client.GetFromJsonAsync<MeResponse>("/api/auth/me", TrustTestSupport.Json);
        Assert.Equal("pk.coordinator", me!.Username);
        Assert.Equal([JsmsRoles.Coordinator], me.Roles);

        var entries = await app.AuditEntriesAsync(e => e.UserName == "pk.coordinator");
        Assert.Contains(entries, e => e.Action == "login.success" && e.Detail == "api: Success");
        Assert.Contains(entries, e => e.Action == "token.issue" && e.RecordId == token.TokenId);
    }

    [Fact]
    public async Task Wrong_password_is_a_401_problem_and_an_audited_failure()
    {
        var response = await app.RequestTokenAsync("ru.analyst", "not-the-password");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal("The username or password is not valid.", problem.Detail);
        var failures = await app.AuditEntriesAsync(e => e.UserName == "ru.analyst" && e.Action == "login.failure");
        Assert.Contains(failures, e => e.Detail == "api: InvalidCredentials" && e.UserId != null);
    }

    [Fact]
    public async Task Unknown_user_gets_the_same_answer_as_a_wrong_password_and_is_audited_by_the_name_tried()
    {
        var response = await app.RequestTokenAsync("nobody.here", "whatever-password");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("The username or password is not valid.", (await response.ProblemAsync()).Detail);
        var failures = await app.AuditEntriesAsync(e => e.UserName == "nobody.here");
        Assert.Single(failures, e => e.Action == "login.failure" && e.UserId == null);
    }

    [Fact]
    public async Task Five_failures_from_one_address_make_it_wait_even_with_the_right_password_and_never_say_locked()
    {
        await app.AddUserAsync("lockout.subject");
        for (var i = 1; i <= 5; i++)
        {
            var wrong = await app.RequestTokenAsync("lockout.subject", $"wrong-password-{i}");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            Assert.Equal("The username or password is not valid.", (await wrong.ProblemAsync()).Detail);
        }

        var right = await app.RequestTokenAsync("lockout.subject");

        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(15), right.Headers.RetryAfter?.Delta);
        Assert.DoesNotContain("locked", (await right.ProblemAsync()).Detail, StringComparison.Ordinal);
        var failures = await app.AuditEntriesAsync(e => e.UserName == "lockout.subject" && e.Action == "login.failure");
        Assert.Equal(6, failures.Count);
        Assert.Equal("api: Throttled", failures[^1].Detail);
    }

    [Fact]
    public async Task Revoking_the_current_token_makes_every_later_call_with_it_401_and_is_audited()
    {
        var (token, client) = await app.FreshTokenAsync("cn.liaison");
        using (client)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/auth/me")).StatusCode);

            var revoke = await client.DeleteAsync("/api/auth/token");

            Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/alerts")).StatusCode);
        }
        var entries = await app.AuditEntriesAsync(e => e.Action == "token.revoke" && e.RecordId == token.TokenId);
        Assert.Equal("cn.liaison", Assert.Single(entries).UserName);
    }

    [Fact]
    public async Task Revoking_someone_elses_token_is_404_unless_administrator()
    {
        var (victim, victimClient) = await app.FreshTokenAsync("ir.coordinator");
        using var _ = victimClient;
        using var other = await app.LoginAs("pk.analyst");

        var refused = await other.DeleteAsync($"/api/auth/tokens/{victim.TokenId}");
        var unknown = await other.DeleteAsync($"/api/auth/tokens/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await victimClient.GetAsync("/api/auth/me")).StatusCode);

        using var admin = await app.LoginAs("admin");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/auth/tokens/{victim.TokenId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await victimClient.GetAsync("/api/auth/me")).StatusCode);
        var revocations = await app.AuditEntriesAsync(e => e.Action == "token.revoke" && e.RecordId == victim.TokenId);
        Assert.Equal("admin", Assert.Single(revocations).UserName);
    }

    [Fact]
    public async Task A_disabled_user_cannot_sign_in_and_their_existing_tokens_stop_working()
    {
        var id = await app.AddUserAsync("disable.subject");
        var (_, client) = await app.FreshTokenAsync("disable.subject");
        using var _ = client;
        using var admin = await app.LoginAs("admin");

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/users/{id}/disable", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me")).StatusCode);
        var login = await app.RequestTokenAsync("disable.subject");
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        Assert.Contains(await app.AuditEntriesAsync(e => e.UserName == "disable.subject"), e => e.Detail == "api: Disabled");
        Assert.Contains(await app.AuditEntriesAsync(e => e.RecordId == id), e => e.Action == "user.disable" && e.UserName == "admin");

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/users/{id}/enable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.RequestTokenAsync("disable.subject")).StatusCode);
        // Tokens revoked on disabling stay revoked.
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task A_token_stops_working_when_its_user_is_disabled_even_if_the_token_was_not_revoked()
    {
        var id = await app.AddUserAsync("disable.direct", "RU-NAC");
        var (_, client) = await app.FreshTokenAsync("disable.direct");
        using var _ = client;

        await app.WithDb(db => db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsDisabled, true)));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task Revoking_the_current_token_needs_a_bearer_token()
    {
        using var client = app.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.DeleteAsync("/api/auth/token")).StatusCode);
    }
}

/// <summary>An app whose tokens live five minutes.</summary>
public sealed class ShortTokenJsmsTestApp : JsmsTestApp
{
    protected override IEnumerable<string> ExtraArguments => ["--Jsms:TokenLifetimeMinutes=5"];
}

public sealed class TokenExpiryTests(ShortTokenJsmsTestApp app) : IClassFixture<ShortTokenJsmsTestApp>
{
    [Fact]
    public async Task A_token_works_until_its_configured_lifetime_has_passed_then_is_401()
    {
        var (token, client) = await app.FreshTokenAsync("pk.analyst");
        using var _ = client;
        Assert.Equal(300, token.ExpiresIn);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime.AddMinutes(5), token.ExpiresAt);

        app.Clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/auth/me")).StatusCode);

        app.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var expired = await client.GetAsync("/api/auth/me");

        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Equal("Bearer", expired.Headers.WwwAuthenticate.ToString());
    }
}
