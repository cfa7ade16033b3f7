using System.Net;
using System.Net.Http.Json;
using Jsms.Features.Accounts;
using Jsms.Platform.Identity;
using Jsms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

// CA1861: the arrays here are request bodies built once per test, not hot paths.
#pragma warning disable CA1861

namespace Jsms.Tests.Accounts;

public sealed class UserApiTests(JsmsTestApp app) : IClassFixture<JsmsTestApp>
{
    [Theory]
    [InlineData("pk.coordinator")]
    [InlineData("pk.viewer")]
    [InlineData("cn.liaison")]
    public async Task Only_administrators_may_list_create_or_disable_users(string username)
    {
        using var client = await app.LoginAs(username);
        var adminId = await app.UserIdAsync("admin");

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/users",
            new { username = "sneaky", agency = "PK-NACTA", roles = new[] { "administrator" }, password = "LongEnough2026" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/api/users/{adminId}/disable", null)).StatusCode);
        Assert.False(await app.WithDb(db => db.Users.AnyAsync(u => u.UserName == "sneaky")));
    }

    [Fact]
    public async Task Anonymous_callers_get_401_from_the_users_api()
    {
        using var client = app.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/users")).StatusCode);
    }

    [Fact]
    public async Task An_administrator_lists_and_creates_users()
    {
        using var admin = await app.LoginAs("admin");
        var list = await admin.GetFromJsonAsync<List<UserSummary>>("/api/users", TrustTestSupport.Json);
        Assert.Contains(list!, u => u.Username == "us.analyst" && u.AgencyCode == "US-CT" && u.Roles.SequenceEqual(["analyst"]));

        var response = await admin.PostAsJsonAsync("/api/users", new
        {
            username = "ru.liaison", displayName = "Liaison (test)", agency = "ru-nac", roles = new[] { "liaison", "viewer" }, password = "LongEnough2026",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<UserSummary>(TrustTestSupport.Json))!;
        Assert.Equal(("ru.liaison", "RU-NAC", false, false), (created.Username, created.AgencyCode, created.Disabled, created.TwoFactor));
        Assert.Equal(["liaison", "viewer"], created.Roles);
        Assert.Equal($"/api/users/{created.Id}", response.Headers.Location?.ToString());
        Assert.Contains(await app.AuditEntriesAsync(e => e.RecordId == created.Id), e => e.Action == "create" && e.UserName == "admin");
        Assert.Equal(HttpStatusCode.OK, (await app.RequestTokenAsync("ru.liaison", "LongEnough2026")).StatusCode);
    }

    [Fact]
    public async Task Creating_a_user_reports_every_invalid_field_at_once()
    {
        using var admin = await app.LoginAs("admin");

        var response = await admin.PostAsJsonAsync("/api/users", new { username = "new.user", agency = "XX-NONE", roles = new[] { "superuser" }, password = "short" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ValidationProblemAsync();
        Assert.Equal(["agency", "password", "roles"], problem.Errors.Keys.Order());
        Assert.Contains("XX-NONE", problem.Errors["agency"][0], StringComparison.Ordinal);
        Assert.Contains("superuser", problem.Errors["roles"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Creating_a_user_without_fields_names_each_missing_one()
    {
        using var admin = await app.LoginAs("admin");

        var response = await admin.PostAsJsonAsync("/api/users", new { });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["agency", "password", "roles", "username"], (await response.ValidationProblemAsync()).Errors.Keys.Order());
    }

    [Fact]
    public async Task A_taken_or_malformed_username_is_a_username_error()
    {
        using var admin = await app.LoginAs("admin");

        var taken = await admin.PostAsJsonAsync("/api/users", new { username = "pk.analyst", agency = "PK-NACTA", roles = new[] { "analyst" }, password = "LongEnough2026" });
        var malformed = await admin.PostAsJsonAsync("/api/users", new { username = "no spaces!", agency = "PK-NACTA", roles = new[] { "analyst" }, password = "LongEnough2026" });

        Assert.Equal(["username"], (await taken.ValidationProblemAsync()).Errors.Keys);
        Assert.Equal(["username"], (await malformed.ValidationProblemAsync()).Errors.Keys);
    }

    [Fact]
    public async Task Disabling_an_unknown_user_is_404()
    {
        using var admin = await app.LoginAs("admin");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/users/{Guid.NewGuid()}/disable", null)).StatusCode);
    }
}
