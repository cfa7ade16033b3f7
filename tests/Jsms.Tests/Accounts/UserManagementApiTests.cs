using System.Net;
using System.Net.Http.Json;
using Jsms.Features.Accounts;
using Jsms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

// CA1861: the arrays here are request bodies built once per test, not hot paths.
#pragma warning disable CA1861

namespace Jsms.Tests.Accounts;

/// <summary>Roles, password resets, unlocking and disabling over /api/users: only for an administrator, only on their own agency's users.</summary>
public sealed class UserManagementApiTests(JsmsTestApp app) : IClassFixture<JsmsTestApp>
{
    private static async Task<UserSummary> SummaryAsync(HttpClient admin, Guid id)
        => (await admin.GetFromJsonAsync<List<UserSummary>>("/api/users", TrustTestSupport.Json))!.Single(u => u.Id == id);

    [Fact]
    public async Task An_administrator_changes_the_roles_of_a_user_of_their_agency_and_it_is_audited()
    {
        var id = await app.AddUserAsync("roles.subject");
        using var admin = await app.LoginAs("admin");

        var response = await admin.PutAsJsonAsync($"/api/users/{id}/roles", new { roles = new[] { "coordinator", "liaison" } });

        var summary = await response.Read<UserSummary>();
        Assert.Equal(["coordinator", "liaison"], summary.Roles);
        var (_, client) = await app.FreshTokenAsync("roles.subject");
        using (client)
        {
            var me = await client.GetJson("/api/auth/me");
            Assert.Contains("coordinator", me.Body.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        }
        var entry = Assert.Single(await app.AuditEntriesAsync(e => e.RecordId == id && e.Action == "user.roles"));
        Assert.Equal("admin", entry.UserName);
        Assert.Contains("(were analyst)", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_or_missing_roles_are_a_roles_error_and_an_administrator_keeps_their_own_administrator_role()
    {
        var id = await app.AddUserAsync("roles.bad");
        var adminId = await app.UserIdAsync("admin");
        using var admin = await app.LoginAs("admin");

        var unknown = await admin.PutAsJsonAsync($"/api/users/{id}/roles", new { roles = new[] { "superuser" } });
        var none = await admin.PutAsJsonAsync($"/api/users/{id}/roles", new { roles = Array.Empty<string>() });
        var self = await admin.PutAsJsonAsync($"/api/users/{adminId}/roles", new { roles = new[] { "coordinator" } });

        Assert.Contains("superuser", (await unknown.ValidationErrors())["roles"][0], StringComparison.Ordinal);
        Assert.Equal(["roles"], (await none.ValidationErrors()).Keys);
        Assert.Equal(["roles"], (await self.ValidationErrors()).Keys);
        Assert.Contains("administrator", (await SummaryAsync(admin, adminId)).Roles);
    }

    [Fact]
    public async Task Another_agencys_user_is_not_found_for_every_management_action()
    {
        var id = await app.UserIdAsync("cn.liaison");
        using var admin = await app.LoginAs("admin");

        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync($"/api/users/{id}/roles", new { roles = new[] { "viewer" } })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/users/{id}/reset-password", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/users/{id}/unlock", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/users/{id}/disable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/users/{id}/enable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.RequestTokenAsync("cn.liaison")).StatusCode);
        Assert.Empty(await app.AuditEntriesAsync(e => e.RecordId == id && e.Action.StartsWith("user.")));
    }

    [Theory]
    [InlineData("pk.coordinator")]
    [InlineData("pk.viewer")]
    public async Task A_user_who_is_not_an_administrator_gets_403_from_every_management_action(string username)
    {
        var id = await app.UserIdAsync("pk.analyst");
        using var client = await app.LoginAs(username);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsJsonAsync($"/api/users/{id}/roles", new { roles = new[] { "administrator" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/api/users/{id}/reset-password", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/api/users/{id}/unlock", null)).StatusCode);
    }

    [Fact]
    public async Task A_password_reset_answers_a_temporary_password_once_revokes_tokens_and_asks_for_a_change()
    {
        var id = await app.AddUserAsync("reset.subject");
        var (_, oldClient) = await app.FreshTokenAsync("reset.subject");
        using var _ = oldClient;
        using var admin = await app.LoginAs("admin");

        var reset = await (await admin.PostAsync($"/api/users/{id}/reset-password", null)).Read<TemporaryPasswordDto>();

        Assert.Equal(16, reset.TemporaryPassword.Length);
        Assert.Equal(HttpStatusCode.Unauthorized, (await oldClient.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.RequestTokenAsync("reset.subject")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.RequestTokenAsync("reset.subject", reset.TemporaryPassword)).StatusCode);
        Assert.True((await SummaryAsync(admin, id)).PasswordChangeRequired);
        var entry = Assert.Single(await app.AuditEntriesAsync(e => e.RecordId == id && e.Action == "user.password.reset"));
        Assert.DoesNotContain(reset.TemporaryPassword, entry.Detail ?? "", StringComparison.Ordinal);
        // A second reset gives another password: the first is no longer good.
        var again = await (await admin.PostAsync($"/api/users/{id}/reset-password", null)).Read<TemporaryPasswordDto>();
        Assert.NotEqual(reset.TemporaryPassword, again.TemporaryPassword);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.RequestTokenAsync("reset.subject", reset.TemporaryPassword)).StatusCode);
    }

    [Fact]
    public async Task Unlocking_lifts_a_lockout_and_forgets_the_failed_sign_ins_of_the_account()
    {
        var id = await app.AddUserAsync("locked.subject");
        await app.WithDb(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Id == id);
            user.LockoutEnabled = true;
            // Identity reads its own clock for lockouts, not the app's test clock: a lock far ahead holds on either.
            user.LockoutEnd = new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);
            await db.SaveChangesAsync();
        });
        for (var i = 0; i < 3; i++)
        {
            await app.RequestTokenAsync("locked.subject", "wrong-password-" + i);
        }
        using var admin = await app.LoginAs("admin");
        Assert.True((await SummaryAsync(admin, id)).Locked);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.RequestTokenAsync("locked.subject")).StatusCode);

        var unlocked = await (await admin.PostAsync($"/api/users/{id}/unlock", null)).Read<UserSummary>();

        Assert.False(unlocked.Locked);
        Assert.Equal(HttpStatusCode.OK, (await app.RequestTokenAsync("locked.subject")).StatusCode);
        Assert.False(await app.WithDb(db => db.Set<SignInAttempt>().AnyAsync(a => !a.Succeeded && a.Account == "LOCKED.SUBJECT")));
        Assert.Contains(await app.AuditEntriesAsync(e => e.RecordId == id), e => e.Action == "user.unlock" && e.Detail!.Contains("failed sign-in(s) forgotten", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_administrator_cannot_disable_their_own_account()
    {
        var adminId = await app.UserIdAsync("admin");
        using var admin = await app.LoginAs("admin");

        var response = await admin.PostAsync($"/api/users/{adminId}/disable", null);

        Assert.Equal(["user"], (await response.ValidationErrors()).Keys);
        Assert.False((await SummaryAsync(admin, adminId)).Disabled);
    }
}
