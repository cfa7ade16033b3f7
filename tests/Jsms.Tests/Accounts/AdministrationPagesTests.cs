using System.Net;
using Jsms.Features.Accounts;
using Jsms.Platform.Identity;
using Jsms.Features.Audit;
using Jsms.Platform.Audit;
using Jsms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Tests.Accounts;

/// <summary>The users and audit pages: administrators only.</summary>
public sealed class AdministrationPagesTests(JsmsTestApp app) : IClassFixture<JsmsTestApp>
{
    [Theory]
    [InlineData("/Accounts/Users", "data-testid=\"users\"")]
    [InlineData("/Audit", "data-testid=\"audit-entries\"")]
    public async Task Administrator_sees_the_administration_pages(string path, string marker)
    {
        using var admin = await app.SignInWebAsync("admin");
        var response = await admin.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(marker, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_show_their_text_not_resource_keys()
    {
        using var admin = await app.SignInWebAsync("admin");
        var html = await admin.Client.GetStringAsync("/Accounts/Users");
        Assert.Contains("<title>Users · JSMS</title>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Nav.Partners", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Accounts/Users")]
    [InlineData("/Audit")]
    public async Task Analyst_is_turned_away_from_the_administration_pages(string path)
    {
        using var analyst = await app.SignInWebAsync("pk.analyst");
        var response = await analyst.Client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden || BrowserlessSession.FinalPath(response) == "/Accounts/Login",
            $"{path} answered {(int)response.StatusCode} at {BrowserlessSession.FinalPath(response)}");
        Assert.DoesNotContain("data-testid=\"users\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"audit-entries\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyst_cannot_add_a_user_by_posting_the_form()
    {
        using var analyst = await app.SignInWebAsync("pk.analyst");
        using var content = new FormUrlEncodedContent(
        [
            new("NewUser.Username", "sneaky"), new("NewUser.Agency", "PK-NACTA"), new("NewUser.Roles", "administrator"),
            new("NewUser.Password", "LongEnough2026"),
            new("__RequestVerificationToken", await analyst.AntiforgeryTokenAsync("/Accounts/Security")),
        ]);
        var response = await analyst.Client.PostAsync("/Accounts/Users?handler=Add", content);
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden || BrowserlessSession.FinalPath(response) == "/Accounts/Login");
        Assert.False(await app.WithDb(db => db.Users.AnyAsync(u => u.UserName == "sneaky")));
    }

    [Fact]
    public async Task Users_page_lists_users_with_agency_roles_and_status()
    {
        using var admin = await app.SignInWebAsync("admin");
        var html = await admin.Client.GetStringAsync("/Accounts/Users");
        var row = Row(html, "cn.liaison");
        Assert.Contains("CN-MPS", row, StringComparison.Ordinal);
        Assert.Contains("liaison", row, StringComparison.Ordinal);
        Assert.Contains("active", row, StringComparison.Ordinal);
        // An administrator cannot disable their own account from the page.
        Assert.DoesNotContain("user-disable", Row(html, "admin"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adding_a_user_reports_every_problem_by_field_then_succeeds()
    {
        using var admin = await app.SignInWebAsync("admin");
        var bad = await admin.PostFormAsync("/Accounts/Users",
            [new("NewUser.Username", "kz.analyst"), new("NewUser.Agency", "XX-NONE"), new("NewUser.Password", "short")], handler: "Add");
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Matches("data-testid=\"error-agency\">[^<]*XX-NONE", html);
        Assert.Matches("data-testid=\"error-roles\">[^<]*role", html);
        Assert.False(await app.WithDb(db => db.Users.AnyAsync(u => u.UserName == "kz.analyst")));

        var shortPassword = await admin.PostFormAsync("/Accounts/Users",
            [new("NewUser.Username", "kz.analyst"), new("NewUser.Agency", "PK-SINDH"), new("NewUser.Roles", "analyst"), new("NewUser.Password", "short")], handler: "Add");
        Assert.Matches("data-testid=\"error-password\">[^<]+", await shortPassword.Content.ReadAsStringAsync());

        var good = await admin.PostFormAsync("/Accounts/Users",
            [new("NewUser.Username", "kz.analyst"), new("NewUser.DisplayName", "New Analyst"), new("NewUser.Agency", "PK-SINDH"),
             new("NewUser.Roles", "analyst"), new("NewUser.Roles", "liaison"), new("NewUser.Password", "LongEnough2026")], handler: "Add");
        var listed = await good.Content.ReadAsStringAsync();
        Assert.Equal("/Accounts/Users", BrowserlessSession.FinalPath(good));
        Assert.Contains("data-testid=\"users-notice\"", listed, StringComparison.Ordinal);
        var row = Row(listed, "kz.analyst");
        Assert.Contains("PK-SINDH", row, StringComparison.Ordinal);
        Assert.Contains("analyst, liaison", row, StringComparison.Ordinal);

        using var newcomer = await app.SignInWebAsync("kz.analyst", "LongEnough2026");
        Assert.Equal(HttpStatusCode.OK, (await newcomer.Client.GetAsync("/Partners")).StatusCode);
    }

    [Fact]
    public async Task Disabling_a_user_locks_their_session_out_and_enabling_lets_them_back()
    {
        using var admin = await app.SignInWebAsync("admin");
        using var viewer = await app.SignInWebAsync("pk.viewer");
        var id = await app.WithDb(db => db.Users.Where(u => u.UserName == "pk.viewer").Select(u => u.Id).SingleAsync());

        var disabled = await admin.PostFormAsync($"/Accounts/Users?id={id}", [], handler: "Disable", tokenFrom: "/Accounts/Users");
        Assert.Contains("disabled", Row(await disabled.Content.ReadAsStringAsync(), "pk.viewer"), StringComparison.Ordinal);
        Assert.Equal("/Accounts/Login", BrowserlessSession.FinalPath(await viewer.Client.GetAsync("/Partners")));

        var enabled = await admin.PostFormAsync($"/Accounts/Users?id={id}", [], handler: "Enable", tokenFrom: "/Accounts/Users");
        Assert.Contains("active", Row(await enabled.Content.ReadAsStringAsync(), "pk.viewer"), StringComparison.Ordinal);
        using var again = await app.SignInWebAsync("pk.viewer");
        Assert.Equal(2, await app.WithDb(db => db.Set<AuditEntry>().CountAsync(e => e.RecordId == id && (e.Action == "user.disable" || e.Action == "user.enable"))));
    }

    [Fact]
    public async Task Disabling_an_unknown_user_is_not_found()
    {
        using var admin = await app.SignInWebAsync("admin");
        var response = await admin.PostFormAsync($"/Accounts/Users?id={Guid.NewGuid()}", [], handler: "Disable", tokenFrom: "/Accounts/Users");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Audit_page_reports_the_chain_intact()
    {
        using var admin = await app.SignInWebAsync("admin");
        var response = await admin.PostFormAsync("/Audit", [], handler: "Verify");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("data-testid=\"audit-verify-result\" data-intact=\"true\">[^<]*intact: [0-9]+ entries", html);
    }

    [Fact]
    public async Task Audit_page_reports_where_the_chain_is_broken()
    {
        var original = await app.WithDb(db => db.Set<AuditEntry>().Where(e => e.Sequence == 3).Select(e => e.Detail).SingleAsync());
        await Jsms.Tests.Audit.AuditSql.DropTriggersAsync(app);
        await app.WithDb(db => db.Set<AuditEntry>().Where(e => e.Sequence == 3).ExecuteUpdateAsync(s => s.SetProperty(e => e.Detail, "tampered")));
        try
        {
            using var admin = await app.SignInWebAsync("admin");
            var html = await (await admin.PostFormAsync("/Audit", [], handler: "Verify")).Content.ReadAsStringAsync();
            Assert.Matches("data-testid=\"audit-verify-result\" data-intact=\"false\">[^<]*broken at entry 3", html);
        }
        finally
        {
            await app.WithDb(db => db.Set<AuditEntry>().Where(e => e.Sequence == 3).ExecuteUpdateAsync(s => s.SetProperty(e => e.Detail, original)));
            await Jsms.Tests.Audit.AuditSql.RestoreTriggersAsync(app);
        }
    }

    [Fact]
    public async Task Audit_search_filters_by_user_and_action_newest_first_and_pages_with_before()
    {
        using var admin = await app.SignInWebAsync("admin");
        using var analyst = await app.SignInWebAsync("pk.analyst");
        var html = await admin.Client.GetStringAsync("/Audit?user=pk.analyst&action=login.success");
        var sequences = Sequences(html);
        Assert.NotEmpty(sequences);
        Assert.Equal(sequences.OrderDescending(), sequences);
        Assert.Equal(sequences.Count, System.Text.RegularExpressions.Regex.Count(html, "<code>login.success</code>"));

        var newest = sequences[0];
        var older = Sequences(await admin.Client.GetStringAsync($"/Audit?user=pk.analyst&before={newest}"));
        Assert.All(older, s => Assert.True(s < newest));

        var bad = await admin.Client.GetStringAsync("/Audit?recordId=not-a-guid");
        Assert.Contains("not a valid identifier", bad, StringComparison.Ordinal);
    }

    private static List<long> Sequences(string html)
        => [.. System.Text.RegularExpressions.Regex.Matches(html, "data-testid=\"audit-entry\" data-sequence=\"([0-9]+)\"").Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>The table row of one user in the users page.</summary>
    internal static string Row(string html, string username)
    {
        var start = html.IndexOf($"data-username=\"{username}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no row for {username}");
        var end = html.IndexOf("</tr>", start, StringComparison.Ordinal);
        return html[start..end];
    }
}
