using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Jsms.Platform.Database;

/// <summary>
/// WAL checkpoints of EF Core's SQLite connections beside their commits, not in them (as the tracking ingest writer's):
/// each committed transaction signals one <see cref="SqliteCheckpointer"/> per application, and the connections' own
/// automatic checkpoint is left as a safety net at <see cref="SafetyNetPages"/> (for writes outside a transaction, or a
/// checkpointer held back by a long reader). A TAXII pull commits a page of 1,000 objects (about 600 WAL pages) at a
/// time, so SQLite's own checkpoint would run inside most commits, on the writer's path
/// (docs/decisions/0018-sqlite-checkpoints-beside-commits.md).
/// </summary>
internal sealed class SqliteCommitCheckpoints(ILogger<SqliteCommitCheckpoints> logger, TimeProvider clock) : DbTransactionInterceptor, IDbConnectionInterceptor, IDisposable
{
    /// <summary>The WAL size (pages of 4 KB) at which a commit still checkpoints itself: 40 MB.</summary>
    internal const int SafetyNetPages = 10_000;

    private readonly Lock _gate = new();
    private SqliteCheckpointer? _checkpointer;
    private bool _disposed;

    void IDbConnectionInterceptor.ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    Task IDbConnectionInterceptor.ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Signal(eventData.Context);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Signal(eventData.Context);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        if (connection is SqliteConnection sqlite)
        {
            SQLitePCL.raw.sqlite3_wal_autocheckpoint(sqlite.Handle, SafetyNetPages);
        }
    }

    /// <summary>The checkpointer starts at the first commit (the database file and its WAL exist by then).</summary>
    private void Signal(DbContext? context)
    {
        var checkpointer = _checkpointer;
        if (checkpointer is null)
        {
            if (context?.Database.GetConnectionString() is not { } connectionString)
            {
                return;
            }
            lock (_gate)
            {
                if (_disposed)
                {
                    return;
                }
                checkpointer = _checkpointer ??= new SqliteCheckpointer(connectionString, logger, clock);
            }
        }
        checkpointer.Committed();
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _checkpointer?.Dispose();
            _checkpointer = null;
        }
    }
}
