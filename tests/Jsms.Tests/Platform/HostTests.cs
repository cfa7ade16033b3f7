using System.Net;
using System.Net.Http.Json;
using Jsms.Platform.Database;
using Jsms.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Tests.Platform;

public sealed class HostTests(JsmsTestApp app) : IClassFixture<JsmsTestApp>
{
    [Fact]
    public async Task The_tracking_writers_take_turns_one_at_a_time_on_sqlite_and_at_once_on_postgresql()
    {
        // SQLite has one write lock (ADR 0016); PostgreSQL takes concurrent writers.
        var turns = app.Service<WriteTurns>();
        var first = await turns.TakeAsync();
        var second = turns.TakeAsync().AsTask();
        Assert.Equal(TestDatabase.IsPostgres, second.IsCompleted);

        first.Dispose();
        (await second.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task Health_reports_the_database_reachable()
    {
        using var client = app.Anonymous();
        var response = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("database reachable", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_document_describes_the_api()
    {
        using var client = app.Anonymous();
        var json = await client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("\"/api/auth/token\"", json, StringComparison.Ordinal);
        Assert.Contains("\"/api/alerts\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_without_credentials_answers_401_not_a_login_redirect()
    {
        using var client = app.Anonymous();
        var response = await client.GetAsync("/api/alerts");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Malformed_json_gets_a_problem_naming_the_field()
    {
        using var client = await app.LoginAs("admin");
        using var body = new StringContent("{\"isoCode\": 12, ", System.Text.Encoding.UTF8, "application/json");
        var response = await client.PostAsync("/api/partners/states", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.NotNull(problem?.Detail);
    }

    [Fact]
    public async Task Model_has_no_pending_changes_for_this_provider()
    {
        var pending = await app.WithDb(db => Task.FromResult(db.Database.HasPendingModelChanges()));
        Assert.False(pending, $"The EF model has changes without a migration on {TestDatabase.Provider}: run scripts/migrations.sh add NAME.");
    }
}
