using Jsms.Features.Accounts;
using Jsms.Platform.Identity;
using Jsms.Features.Audit;
using Jsms.Platform.Audit;
using Jsms.Platform.Database;
using Jsms.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Tests.Cli;

/// <summary>The operator's command line against a fresh embedded (SQLite) data directory, in-process.</summary>
[Collection(nameof(CommandLine))]
public sealed class CommandLineTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "jsms-cli-tests", Guid.NewGuid().ToString("N"));

    private string[] Data => ["--Jsms:Database=sqlite", $"--Jsms:DataDirectory={_dataDirectory}"];

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }

    [Fact]
    public async Task Users_add_on_a_brand_new_data_directory_creates_the_schema_and_names_the_missing_agency()
    {
        var result = await CommandLine.RunAsync(["users", "add", "first.admin", "--agency", "PK-NACTA", "--role", "administrator", "--password", "LongEnough2026", .. Data]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("agency: No agency has the code 'PK-NACTA'.", result.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_dataDirectory, "jsms.db")));
        var list = await CommandLine.RunAsync(["users", "list", .. Data]);
        Assert.Equal(0, list.ExitCode);
    }

    [Fact]
    public async Task Migrate_then_agencies_and_users_commands_set_up_a_node()
    {
        var migrate = await CommandLine.RunAsync(["migrate", .. Data]);
        Assert.Equal(0, migrate.ExitCode);
        Assert.Contains("Initial", migrate.Output, StringComparison.Ordinal);
        Assert.Contains("The database is up to date.", (await CommandLine.RunAsync(["migrate", .. Data])).Output, StringComparison.Ordinal);

        var agency = await CommandLine.RunAsync(["agencies", "add", "pk-nacta", "--name", "National Counter Terrorism Authority", "--state", "PK", "--state-name", "Pakistan", "--kind", "Intelligence", .. Data]);
        Assert.Equal(0, agency.ExitCode);
        Assert.Contains("Added agency PK-NACTA", agency.Output, StringComparison.Ordinal);
        var duplicate = await CommandLine.RunAsync(["agencies", "add", "PK-NACTA", "--name", "Again", "--state", "PK", .. Data]);
        Assert.Equal(1, duplicate.ExitCode);
        Assert.Contains("code:", duplicate.Error, StringComparison.Ordinal);

        var add = await CommandLine.RunAsync(["users", "add", "first.admin", "--agency", "PK-NACTA", "--role", "administrator", "--role", "coordinator", "--name", "First Admin", "--password", "LongEnough2026", .. Data]);
        Assert.Equal(0, add.ExitCode);
        Assert.Contains("Added first.admin", add.Output, StringComparison.Ordinal);

        var weak = await CommandLine.RunAsync(["users", "add", "second", "--agency", "NOPE", "--role", "boss", "--password", "short", .. Data]);
        Assert.Equal(1, weak.ExitCode);
        Assert.Contains("agency:", weak.Error, StringComparison.Ordinal);
        Assert.Contains("roles:", weak.Error, StringComparison.Ordinal);
        Assert.Contains("password:", weak.Error, StringComparison.Ordinal);

        var list = await CommandLine.RunAsync(["users", "list", .. Data]);
        Assert.Matches(@"first\.admin\s+PK-NACTA\s+administrator,coordinator\s+no\s+active", list.Output);

        Assert.Equal(0, (await CommandLine.RunAsync(["users", "disable", "first.admin", .. Data])).ExitCode);
        Assert.Matches(@"first\.admin\s+.*disabled", (await CommandLine.RunAsync(["users", "list", .. Data])).Output);
        Assert.Equal(0, (await CommandLine.RunAsync(["users", "enable", "first.admin", .. Data])).ExitCode);
        Assert.Matches(@"first\.admin\s+.*active", (await CommandLine.RunAsync(["users", "list", .. Data])).Output);
        var unknown = await CommandLine.RunAsync(["users", "disable", "nobody", .. Data]);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("No user 'nobody'", unknown.Error, StringComparison.Ordinal);

        var verify = await CommandLine.RunAsync(["audit", "verify", .. Data]);
        Assert.Equal(0, verify.ExitCode);
        Assert.Contains("Audit log intact", verify.Output, StringComparison.Ordinal);

        var exportPath = Path.Combine(_dataDirectory, "audit.jsonl");
        var export = await CommandLine.RunAsync(["audit", "export", "--output", exportPath, .. Data]);
        Assert.Equal(0, export.ExitCode);
        var lines = await File.ReadAllLinesAsync(exportPath);
        Assert.Contains($"Exported {lines.Length} entries.", export.Error, StringComparison.Ordinal);
        Assert.Contains("\"action\":\"export\"", lines[^1], StringComparison.Ordinal);

        // The commands were audited as the operator's command line.
        var options = new DbContextOptionsBuilder<SqliteJsmsDbContext>();
        DatabaseSetup.ConfigureSqlite(options, $"Data Source={Path.Combine(_dataDirectory, "jsms.db")}");
        await using var db = new SqliteJsmsDbContext(options.Options);
        var actions = await db.Set<AuditEntry>().Where(e => e.UserName.StartsWith("cli:")).Select(e => e.Action).ToListAsync();
        Assert.Contains("user.disable", actions);
        Assert.Contains("user.enable", actions);
        Assert.Contains("create", actions);
        Assert.Equal(JsmsRoles.All.Count, await db.Roles.CountAsync());
    }
}
