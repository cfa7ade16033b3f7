using System.Net.Http.Json;
using Jsms.Features.Audit;
using Jsms.Platform.Audit;
using Jsms.Platform.Database;
using Jsms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Tests.Audit;

/// <summary>
/// Tampering as a database administrator would do it: drop the append-only triggers, then change rows
/// with SQL. The hash chain must name the first entry that no longer holds.
/// </summary>
public sealed class AuditTamperingTests(JsmsTestApp app) : IClassFixture<JsmsTestApp>
{
    [Theory]
    [InlineData("Detail", "nothing to see here")]
    [InlineData("UserName", "someone.else")]
    public async Task Editing_one_entry_in_the_database_is_reported_as_the_first_broken_entry(string column, string value)
    {
        using var admin = await app.LoginAs("admin");
        var middle = await MiddleSequenceAsync(app);
        var original = await app.WithDb(db => db.Set<AuditEntry>().AsNoTracking().SingleAsync(e => e.Sequence == middle));
        await AuditSql.DropTriggersAsync(app);

        await app.WithDb(db => db.Database.ExecuteSqlRawAsync(UpdateSql(column), value, middle));
        var broken = (await admin.GetFromJsonAsync<AuditVerification>("/api/audit/verify"))!;

        Assert.False(broken.Intact);
        Assert.Equal(middle, broken.FirstBrokenSequence);
        Assert.Contains($"entry {middle} was altered", broken.Problem, StringComparison.Ordinal);
        Assert.Equal(middle - 1, broken.EntriesChecked);

        // Putting the original back makes the chain whole again: the check is exact, not approximate.
        var originalValue = column == "Detail" ? original.Detail : original.UserName;
        await app.WithDb(db => db.Database.ExecuteSqlRawAsync(UpdateSql(column), originalValue!, middle));
        Assert.True((await admin.GetFromJsonAsync<AuditVerification>("/api/audit/verify"))!.Intact);
    }

    [Fact]
    public async Task Rewriting_an_entry_and_its_hash_is_caught_at_the_next_entry()
    {
        var middle = await MiddleSequenceAsync(app);
        await AuditSql.DropTriggersAsync(app);
        var entry = await app.WithDb(db => db.Set<AuditEntry>().AsNoTracking().SingleAsync(e => e.Sequence == middle));
        var (originalHash, originalDetail) = (entry.Hash, entry.Detail);
        entry.Detail = "rewritten with a fresh hash";
        var forgedHash = AuditTrail.ComputeHash(entry);

        await app.WithDb(db => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Detail\" = {0}, \"Hash\" = {1} WHERE \"Sequence\" = {2}", entry.Detail, forgedHash, middle));
        var outcome = await app.WithDb(db => AuditTrail.VerifyAsync(db));

        Assert.Equal(middle + 1, outcome.FirstBrokenSequence);
        Assert.Contains("does not link", outcome.Problem, StringComparison.Ordinal);
        await app.WithDb(db => originalDetail is null
            ? db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Detail\" = NULL, \"Hash\" = {0} WHERE \"Sequence\" = {1}", originalHash, middle)
            : db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Detail\" = {0}, \"Hash\" = {1} WHERE \"Sequence\" = {2}", originalDetail, originalHash, middle));
        Assert.True((await app.WithDb(db => AuditTrail.VerifyAsync(db))).Intact);
    }

    private static string UpdateSql(string column) => column switch
    {
        "Detail" => "UPDATE \"AuditEntries\" SET \"Detail\" = {0} WHERE \"Sequence\" = {1}",
        "UserName" => "UPDATE \"AuditEntries\" SET \"UserName\" = {0} WHERE \"Sequence\" = {1}",
        _ => throw new ArgumentOutOfRangeException(nameof(column)),
    };

    internal static Task<long> MiddleSequenceAsync(JsmsTestApp app)
        => app.WithDb(async db => (await db.Set<AuditEntry>().MaxAsync(e => e.Sequence)) / 2);
}

[CollectionDefinition(nameof(CommandLine), DisableParallelization = true)]
public sealed class CommandLineRunsAlone;

[Collection(nameof(CommandLine))]
public sealed class AuditDeletionTests(JsmsTestApp app) : IClassFixture<JsmsTestApp>
{
    [Fact]
    public async Task Deleting_a_middle_entry_is_caught_by_the_api_and_by_the_command_line()
    {
        using var admin = await app.LoginAs("admin");
        var clean = await CommandLine.RunAsync(["audit", "verify", .. CommandLine.DatabaseArguments(app)]);
        Assert.Equal(0, clean.ExitCode);
        Assert.Contains("Audit log intact", clean.Output, StringComparison.Ordinal);

        var middle = await AuditTamperingTests.MiddleSequenceAsync(app);
        await AuditSql.DropTriggersAsync(app);
        await app.WithDb(db => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = {0}", middle));

        var api = (await admin.GetFromJsonAsync<AuditVerification>("/api/audit/verify"))!;
        Assert.False(api.Intact);
        Assert.Equal(middle, api.FirstBrokenSequence);
        Assert.Contains($"entry {middle} is missing", api.Problem, StringComparison.Ordinal);

        var cli = await CommandLine.RunAsync(["audit", "verify", .. CommandLine.DatabaseArguments(app)]);
        Assert.Equal(2, cli.ExitCode);
        Assert.Contains($"Audit log BROKEN at entry {middle}: entry {middle} is missing", cli.Output, StringComparison.Ordinal);
    }
}

internal static class AuditSql
{
    /// <summary>What a DBA could do: remove the append-only triggers so rows can be changed.</summary>
    public static Task DropTriggersAsync(JsmsTestApp app)
        => app.WithDb(db => db.Database.ExecuteSqlRawAsync(TestDatabase.IsPostgres ? AuditAppendOnlySql.PostgresDrop : AuditAppendOnlySql.SqliteDrop));

    /// <summary>Puts the triggers back, for a test class whose other tests expect them.</summary>
    public static Task RestoreTriggersAsync(JsmsTestApp app)
        => app.WithDb(db => db.Database.ExecuteSqlRawAsync(TestDatabase.IsPostgres ? AuditAppendOnlySql.PostgresCreate : AuditAppendOnlySql.SqliteCreate));
}
