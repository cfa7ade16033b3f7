using Jsms.Features.Intelligence;
using Jsms.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Tests.Platform;

/// <summary>
/// EF Core's SQLite commits leave the copy of their WAL frames into the database file to a checkpointer beside them
/// (Platform/Database/SqliteCommitCheckpoints): a committed record must still reach the file soon, whether it was written
/// in a transaction (a TAXII page, an import) or by a one-statement save that EF Core runs without one.
/// </summary>
public sealed class SqliteCheckpointTests(EmptyJsmsTestApp app) : IClassFixture<EmptyJsmsTestApp>
{
    [Fact]
    public async Task Records_committed_through_ef_core_reach_the_sqlite_database_file_soon_after_with_or_without_a_transaction()
    {
        if (TestDatabase.IsPostgres)
        {
            return; // PostgreSQL checkpoints on its own; this is about the embedded database's WAL.
        }
        var inTransaction = Collection("Committed in a transaction");
        var alone = Collection("Saved by one statement");
        await app.WithDb(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Add(inTransaction);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        });
        await app.WithDb(async db =>
        {
            db.Add(alone);
            await db.SaveChangesAsync();
        });
        var file = new SqliteConnectionStringBuilder(await app.WithDb(db => Task.FromResult(db.Database.GetConnectionString()!))).DataSource;

        // Without a checkpoint these few pages would stay in the WAL until thousands had gathered or the process stopped:
        // a copy of the database file alone would not have them.
        var folder = Directory.CreateTempSubdirectory("jsms-ef-checkpoint-").FullName;
        try
        {
            var copy = Path.Combine(folder, "copy.db");
            // The commit signals the checkpointer at once; the save without a transaction is found by its fallback, a timer of
            // the app's clock that each move of the clock by a second runs.
            var titles = await Eventually.Value(() =>
            {
                File.Copy(file, copy, overwrite: true);
                return Task.FromResult(CollectionTitles(copy));
            }, t => t.Count >= 2, "both collections in the database file", between: () => app.Clock.Advance(TimeSpan.FromSeconds(1)));
            Assert.Equal([inTransaction.Title, alone.Title], titles);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static StixCollection Collection(string title) => new()
    {
        Id = Guid.NewGuid(),
        Title = title,
        CreatedByAgencyId = Guid.NewGuid(),
        CreatedAt = new DateTime(2026, 12, 4, 9, 0, 0, DateTimeKind.Utc),
    };

    /// <summary>The collections in a copy of the database file, by title (none when the copy caught a page being written).</summary>
    private static List<string> CollectionTitles(string databaseFile)
    {
        try
        {
            using var connection = new SqliteConnection($"Data Source={databaseFile};Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """SELECT "Title" FROM "StixCollections" ORDER BY "Title" """;
            using var reader = command.ExecuteReader();
            var titles = new List<string>();
            while (reader.Read())
            {
                titles.Add(reader.GetString(0));
            }
            return titles;
        }
        catch (SqliteException)
        {
            return [];
        }
    }
}
