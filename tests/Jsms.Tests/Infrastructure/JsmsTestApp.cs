using System.Net.Http.Headers;
using System.Net.Http.Json;
using Jsms.Features.Accounts;
using Jsms.Platform.Identity;
using Jsms.Features.Demo;
using Jsms.Platform;
using Jsms.Platform.Database;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Jsms.Tests.Infrastructure;

/// <summary>
/// The real JSMS application on a real port, on its own database (SQLite file or PostgreSQL database),
/// with the demo scenario seeded and a hand-moved clock. One per test class (<c>IClassFixture</c>);
/// see tests/README.md.
/// </summary>
public class JsmsTestApp : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "jsms-tests", Guid.NewGuid().ToString("N"));
    private readonly string _postgresName = "jsms_test_" + Guid.NewGuid().ToString("N")[..16];
    private readonly Dictionary<string, string> _tokens = [];

    public TestClock Clock { get; } = new(Start);

    public WebApplication App { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Seed the demo scenario (agencies, partnerships, users, dialogues).</summary>
    protected virtual bool SeedDemo => true;

    /// <summary>Extra configuration flags for a test class, e.g. <c>--Jsms:TokenLifetimeMinutes=5</c>.</summary>
    protected virtual IEnumerable<string> ExtraArguments => [];

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dataDirectory);
        var args = new List<string>
        {
            "--urls=http://127.0.0.1:0",
            $"--Jsms:DataDirectory={_dataDirectory}",
            $"--Jsms:Demo={SeedDemo}",
            "--Jsms:MigrateOnStart=true",
            $"--Jsms:Database={TestDatabase.Provider}",
        };
        if (TestDatabase.IsPostgres)
        {
            args.Add($"--ConnectionStrings:Jsms={await TestDatabase.CreatePostgresDatabaseAsync(_postgresName)}");
        }
        args.AddRange(ExtraArguments);
        _arguments = [.. args];
        await StartAppAsync();
    }

    private string[] _arguments = [];

    private async Task StartAppAsync()
    {
        App = JsmsApp.Build(_arguments, builder =>
        {
            builder.Services.AddSingleton<TimeProvider>(Clock);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Error);
        });
        await JsmsApp.PrepareAsync(App.Services);
        await App.StartAsync();
        var address = App.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        BaseAddress = new Uri(address);
    }

    /// <summary>Stops the application and starts a new one on the same database, data directory and clock (a restart).</summary>
    public async Task RestartAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        await StartAppAsync();
    }

    public async Task DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        if (TestDatabase.IsPostgres)
        {
            await TestDatabase.DropPostgresDatabaseAsync(_postgresName);
        }
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by SQLite's pool: the temp folder is cleaned by the OS.
        }
    }

    public HttpClient Anonymous() => new() { BaseAddress = BaseAddress };

    /// <summary>A client that calls the API with a bearer token of the given user (demo password by default).</summary>
    public async Task<HttpClient> LoginAs(string username, string password = DemoScenario.DemoPassword)
    {
        if (!_tokens.TryGetValue(username, out var token))
        {
            using var anonymous = Anonymous();
            var response = await anonymous.PostAsJsonAsync("/api/auth/token", new { username, password });
            response.EnsureSuccessStatusCode();
            token = (await response.Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken;
            _tokens[username] = token;
        }
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Runs work against the app's database in a scope of its own (for arranging and inspecting).</summary>
    internal async Task<T> WithDb<T>(Func<JsmsDbContext, Task<T>> work)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<JsmsDbContext>());
    }

    internal async Task WithDb(Func<JsmsDbContext, Task> work)
    {
        await using var scope = App.Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<JsmsDbContext>());
    }

    public T Service<T>() where T : notnull => App.Services.GetRequiredService<T>();
}

/// <summary>An app with no demo data: only the roles exist.</summary>
public sealed class EmptyJsmsTestApp : JsmsTestApp
{
    protected override bool SeedDemo => false;
}
