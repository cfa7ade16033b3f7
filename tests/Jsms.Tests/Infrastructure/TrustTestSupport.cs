using System.Net.Http.Json;
using System.Security.Cryptography;
using Jsms.Features.Accounts;
using Jsms.Platform.Identity;
using Jsms.Features.Audit;
using Jsms.Platform.Audit;
using Jsms.Features.Demo;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jsms.Tests.Infrastructure;

/// <summary>Intent methods for the account, token and audit tests.</summary>
internal static class TrustTestSupport
{
    /// <summary>Adds a user through the same service as the API and the CLI (demo password unless given).</summary>
    public static async Task<Guid> AddUserAsync(this JsmsTestApp app, string username, string agency = "PK-NACTA",
        string[]? roles = null, string password = DemoScenario.DemoPassword)
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        var (user, errors) = await scope.ServiceProvider.GetRequiredService<UserAdministration>()
            .AddAsync(new NewUser(username, username, agency, roles ?? [JsmsRoles.Analyst], password));
        return user?.Id ?? throw new InvalidOperationException(string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
    }

    /// <summary>POST /api/auth/token without the fixture's token cache.</summary>
    public static async Task<HttpResponseMessage> RequestTokenAsync(this JsmsTestApp app, string username, string password = DemoScenario.DemoPassword, string? totp = null)
    {
        using var client = app.Anonymous();
        return await client.PostAsJsonAsync("/api/auth/token", new { username, password, totp });
    }

    /// <summary>A fresh token (not cached by the fixture) and a client that uses it.</summary>
    public static async Task<(TokenResponse Token, HttpClient Client)> FreshTokenAsync(this JsmsTestApp app, string username, string password = DemoScenario.DemoPassword, string? totp = null)
    {
        var response = await app.RequestTokenAsync(username, password, totp);
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<TokenResponse>())!;
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token.AccessToken);
        return (token, client);
    }

    public static async Task<ProblemDetails> ProblemAsync(this HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<ProblemDetails>())!;
    }

    public static async Task<ValidationProblemDetails> ValidationProblemAsync(this HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>())!;
    }

    /// <summary>The API's JSON conventions (camelCase, enums as strings).</summary>
    public static System.Text.Json.JsonSerializerOptions Json { get; } = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static Task<Guid> UserIdAsync(this JsmsTestApp app, string username)
        => app.WithDb(db => db.Users.Where(u => u.UserName == username).Select(u => u.Id).SingleAsync());

    /// <summary>Audit entries matching the filter, oldest first.</summary>
    public static Task<List<AuditEntry>> AuditEntriesAsync(this JsmsTestApp app, System.Linq.Expressions.Expression<Func<AuditEntry, bool>> filter)
        => app.WithDb(db => db.Set<AuditEntry>().AsNoTracking().Where(filter).OrderBy(e => e.Sequence).ToListAsync());
}
