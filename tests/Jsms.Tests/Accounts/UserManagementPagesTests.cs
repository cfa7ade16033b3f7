using System.Net;
using System.Text.RegularExpressions;
using Jsms.Platform.Audit;
using Jsms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Tests.Accounts;

/// <summary>/Accounts/ManageUser/{id}: roles, a temporary password shown once, unlocking, disabling; the change asked of the user at sign-in.</summary>
public sealed partial class UserManagementPagesTests(JsmsTestApp app) : IClassFixture<JsmsTestApp>
{
    private static KeyValuePair<string, string> F(string key, string value) => new(key, value);

    [Fact]
    public async Task The_users_page_links_only_the_users_of_the_administrators_agency_to_their_management_page()
    {
        using var admin = await app.SignInWebAsync("admin");
        var html = await admin.Client.GetStringAsync("/Accounts/Users");
        var analystId = await app.UserIdAsync("pk.analyst");
        var liaisonId = await app.UserIdAsync("cn.liaison");

        Assert.Contains($"href=\"/Accounts/ManageUser/{analystId}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"/Accounts/ManageUser/{liaisonId}", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Client.GetAsync($"/Accounts/ManageUser/{liaisonId}")).StatusCode);
        var refused = await admin.PostFormAsync($"/Accounts/ManageUser/{liaisonId}", [F("Roles", "viewer")], handler: "Roles",
            tokenFrom: $"/Accounts/ManageUser/{analystId}");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }

    [Fact]
    public async Task A_user_who_is_not_an_administrator_is_refused_the_management_page()
    {
        var id = await app.UserIdAsync("pk.viewer");
        using var coordinator = await app.SignInWebAsync("pk.coordinator");
        var response = await coordinator.Client.GetAsync($"/Accounts/ManageUser/{id}");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Roles_saved_on_the_page_apply_and_an_empty_choice_is_reported_on_the_form()
    {
        var id = await app.AddUserAsync("page.roles");
        using var admin = await app.SignInWebAsync("admin");

        var empty = await admin.PostFormAsync($"/Accounts/ManageUser/{id}", [], handler: "Roles");
        Assert.Contains("data-field=\"roles\"", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var saved = await admin.PostFormAsync($"/Accounts/ManageUser/{id}", [F("Roles", "viewer")], handler: "Roles");
        Assert.Contains("data-testid=\"manage-notice\"", await saved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var roles = await app.WithDb(db => (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == id select r.Name).ToListAsync());
        Assert.Equal(["viewer"], roles);
    }

    [Fact]
    public async Task A_reset_shows_the_temporary_password_once_and_the_user_must_choose_a_new_one_at_sign_in()
    {
        var id = await app.AddUserAsync("page.reset");
        using var admin = await app.SignInWebAsync("admin");

        var reset = await admin.PostFormAsync($"/Accounts/ManageUser/{id}", [], handler: "ResetPassword");
        var html = await reset.Content.ReadAsStringAsync();
        var temporary = TemporaryPassword().Match(html).Groups[1].Value;
        Assert.Equal(16, temporary.Length);
        Assert.Contains("no-store", reset.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain(temporary, await admin.Client.GetStringAsync($"/Accounts/ManageUser/{id}"), StringComparison.Ordinal);
        Assert.Contains("data-testid=\"manage-change-required\"", await admin.Client.GetStringAsync($"/Accounts/ManageUser/{id}"), StringComparison.Ordinal);

        using var user = await app.SignInWebAsync("page.reset", temporary);
        var landing = await user.PostFormAsync("/Accounts/Login", [F("Username", "page.reset"), F("Password", temporary)]);
        Assert.Equal("/Accounts/Security", BrowserlessSession.FinalPath(landing));
        Assert.Contains("data-testid=\"must-change-password\"", await landing.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var wrong = await user.PostFormAsync("/Accounts/Security", [F("CurrentPassword", "not-it-at-all"), F("NewPassword", "BrandNew2026pw")], handler: "Password");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("data-field=\"current\"", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var changed = await user.PostFormAsync("/Accounts/Security", [F("CurrentPassword", temporary), F("NewPassword", "BrandNew2026pw")], handler: "Password");
        var after = await changed.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"security-notice\"", after, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"must-change-password\"", after, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await app.RequestTokenAsync("page.reset", "BrandNew2026pw")).StatusCode);
        Assert.True(await app.WithDb(db => db.Set<AuditEntry>().AnyAsync(e => e.RecordId == id && e.Action == "password.change")));
    }

    [Fact]
    public async Task Unlock_and_disable_on_the_page_are_audited()
    {
        var id = await app.AddUserAsync("page.lock");
        await app.RequestTokenAsync("page.lock", "wrong-password-x");
        using var admin = await app.SignInWebAsync("admin");

        var unlocked = await admin.PostFormAsync($"/Accounts/ManageUser/{id}", [], handler: "Unlock");
        Assert.Contains("data-testid=\"manage-notice\"", await unlocked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var disabled = await admin.PostFormAsync($"/Accounts/ManageUser/{id}", [], handler: "Disable");
        Assert.Contains("data-testid=\"user-enable\"", await disabled.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var actions = await app.WithDb(db => db.Set<AuditEntry>().Where(e => e.RecordId == id).Select(e => e.Action).ToListAsync());
        Assert.Contains("user.unlock", actions);
        Assert.Contains("user.disable", actions);
    }

    [GeneratedRegex("data-testid=\"temporary-password\">([A-Za-z0-9]+)<")]
    private static partial Regex TemporaryPassword();
}
