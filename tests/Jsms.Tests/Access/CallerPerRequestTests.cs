using System.Net;
using System.Net.Http.Json;
using Jsms.Features.Accounts;
using Jsms.Platform.Identity;
using Jsms.Tests.Infrastructure;
using Jsms.Tests.Intelligence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jsms.Tests.Access;

/// <summary>
/// The caller (user, agency, roles, GREEN community) is loaded once per request, by whichever authentication ran
/// (bearer token or cookie), and still reloaded on every request: a disabled user, a revoked token or a changed role
/// takes effect at the next request.
/// </summary>
public sealed class CallerPerRequestTests(JsmsTestApp app) : IClassFixture<JsmsTestApp>
{
    private static async Task<IReadOnlyList<string>> CommandsOfAsync(HttpClient client, string path)
    {
        var id = SqlCommandCounter.NewRequestId();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add(SqlCommandCounter.Header, id);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return SqlCommandCounter.Take(id);
    }

    private static int Touching(IReadOnlyList<string> commands, string table)
        => commands.Count(c => c.Contains($"\"{table}\"", StringComparison.Ordinal));

    [Fact]
    public async Task A_bearer_token_request_loads_the_token_the_user_and_the_community_in_one_query()
    {
        using var client = await app.LoginAs("pk.analyst");

        var commands = await CommandsOfAsync(client, "/api/alerts");

        // One query finds the token, its user with roles and the GREEN community; the alert list is the second.
        var all = string.Join("\n---\n", commands);
        Assert.True(commands.Count == 2, all);
        Assert.Equal(1, Touching(commands, "ApiTokens"));
        Assert.Equal(1, Touching(commands, "AspNetUsers"));
        Assert.Equal(1, Touching(commands, "PartnershipMembers"));
        Assert.Contains("\"ApiTokens\"", commands[0]);
        Assert.Contains("\"PartnershipMembers\"", commands[0]);
    }

    [Fact]
    public async Task A_cookie_request_loads_the_user_and_the_community_in_one_query()
    {
        using var session = await BrowserlessSession.SignInAsync(app, "pk.analyst");

        var commands = await CommandsOfAsync(session.Client, "/api/alerts");

        var all = string.Join("\n---\n", commands);
        Assert.Equal(1, Touching(commands, "AspNetUsers"));
        Assert.Equal(1, Touching(commands, "PartnershipMembers"));
        Assert.True(commands.Count == 2, all);
    }

    [Fact]
    public async Task The_community_loaded_with_the_user_is_the_community_of_the_users_agency()
    {
        // Two writings of one rule (loaded with the user in one query, and alone for a partner agency's TAXII push):
        // for every user of the demo they must name the same owners.
        var compared = await app.WithDb(async db =>
        {
            var users = await db.Users.Where(u => !u.IsDisabled).Select(u => new { u.Id, u.AgencyId }).ToListAsync();
            var communities = new List<(IReadOnlyList<Guid> WithUser, List<Guid> Alone)>();
            foreach (var user in users)
            {
                var caller = await Jsms.Platform.Access.Caller.ForUserAsync(user.Id, db);
                var alone = await Jsms.Platform.Access.Caller.GreenCommunityAsync(user.AgencyId, db, CancellationToken.None);
                communities.Add((caller!.GreenCommunityOwnerIds, alone));
            }
            return communities;
        });

        Assert.True(compared.Count > 3);
        Assert.Contains(compared, c => c.Alone.Count > 1);
        Assert.All(compared, c => Assert.True(c.WithUser.ToHashSet().SetEquals(c.Alone)));
        // Without duplicates: an agency in several partnerships with this one is named once.
        Assert.All(compared, c => Assert.Equal(c.WithUser.Count, c.WithUser.Distinct().Count()));
    }

    [Fact]
    public async Task A_role_change_takes_effect_on_the_next_request_of_the_same_token()
    {
        var id = await app.AddUserAsync("role.change", "PK-NACTA", [JsmsRoles.Analyst]);
        var (_, client) = await app.FreshTokenAsync("role.change");
        using var _ = client;
        Assert.Equal([JsmsRoles.Analyst], (await client.GetFromJsonAsync<MeResponse>("/api/auth/me"))!.Roles);

        await using (var scope = app.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            var user = await users.FindByIdAsync(id.ToString());
            Assert.True((await users.RemoveFromRoleAsync(user!, JsmsRoles.Analyst)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user!, JsmsRoles.Viewer)).Succeeded);
        }

        Assert.Equal([JsmsRoles.Viewer], (await client.GetFromJsonAsync<MeResponse>("/api/auth/me"))!.Roles);
    }

    [Fact]
    public async Task A_disabled_users_cookie_session_is_refused_at_the_next_request()
    {
        var id = await app.AddUserAsync("cookie.disabled", "CN-MPS");
        using var session = await BrowserlessSession.SignInAsync(app, "cookie.disabled");
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/api/auth/me")).StatusCode);

        await app.WithDb(db => db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsDisabled, true)));

        Assert.Equal(HttpStatusCode.Unauthorized, (await session.Client.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task A_disabled_users_token_is_refused_at_the_next_request()
    {
        var id = await app.AddUserAsync("token.disabled", "CN-MPS");
        var (_, client) = await app.FreshTokenAsync("token.disabled");
        using var _ = client;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/alerts")).StatusCode);

        await app.WithDb(db => db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsDisabled, true)));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/alerts")).StatusCode);
    }
}
