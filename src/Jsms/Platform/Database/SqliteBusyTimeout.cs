using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Jsms.Platform.Database;

/// <summary>
/// Sets SQLite's own busy timeout (and the memory settings) on every connection EF opens. Without it, a command that
/// meets the write lock (held by the ingest writer's group transaction) is retried by Microsoft.Data.Sqlite after
/// sleeping 150 ms at a time; with it, SQLite retries inside the call after 1, 2, 5, 10, 15, 20 ms and then every 25
/// to 100 ms, so a write that waits long behind the ingest writer may still wait some tens of milliseconds more.
/// </summary>
internal sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    public const int Milliseconds = 30_000;

    /// <summary>Per connection: up to 1 GB of the file read through a memory map, 16 MB of page cache for what is written.</summary>
    internal const string MemorySettings = "PRAGMA mmap_size=1073741824; PRAGMA cache_size=-16384;";

    public static SqliteBusyTimeout Interceptor { get; } = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    // Runs at every open of a pooled connection: the native call, not a statement to prepare and run each time.
    internal static void Apply(DbConnection connection)
    {
        if (connection is SqliteConnection sqlite)
        {
            SQLitePCL.raw.sqlite3_busy_timeout(sqlite.Handle, Milliseconds);
            // Reads through a memory map of the file, not pread into SQLite's own 2 MB cache (perf of a TAXII pull: 5% of the
            // CPU was the kernel copying pages SQLite had just evicted back in; docs/decisions/0012-exchange-write-path.md).
            SQLitePCL.raw.sqlite3_exec(sqlite.Handle, MemorySettings);
        }
    }
}
