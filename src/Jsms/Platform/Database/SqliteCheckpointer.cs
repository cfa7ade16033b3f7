using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Jsms.Platform.Database;

/// <summary>
/// Copies committed WAL frames back into the database file on its own connection and thread, so the committing
/// connection never does it. SQLite's automatic checkpoint runs inside the commit that crosses 1,000 pages: under sustained
/// ingest that is one commit a second taking 50 to 150 ms (copy and two fsyncs), on the path of the alert latency, and
/// under a TAXII pull most pages' commits (docs/decisions/0007-tracking-engine.md, 0018-sqlite-checkpoints-beside-commits.md). A
/// PASSIVE checkpoint does not block writers, and once it has copied every frame the next write transaction starts the
/// WAL again from its beginning, so the file stays small. Used by the tracking ingest writer for its connection and by
/// <see cref="SqliteCommitCheckpoints"/> for EF Core's.
/// </summary>
internal sealed class SqliteCheckpointer : IDisposable
{
    /// <summary>At most this often: each checkpoint syncs the database file. Real time: a bound on I/O, not a deadline of the app.</summary>
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    /// <summary>Without a signal, a checkpoint this often anyway: it finds the writes no commit signalled (EF Core runs a
    /// one-statement save without a transaction); with nothing new in the WAL it copies and syncs nothing. A timer of the
    /// app's clock, so tests run it by moving their clock.</summary>
    private static readonly TimeSpan Fallback = TimeSpan.FromSeconds(1);

    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _committed = new(0, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;
    private readonly ILogger _logger;
    private readonly ITimer _fallback;

    public SqliteCheckpointer(string connectionString, ILogger logger, TimeProvider? clock = null)
    {
        _logger = logger;
        _connection = new SqliteConnection(connectionString);
        _connection.Open();
        raw.sqlite3_busy_timeout(_connection.Handle, 1_000);
        Read();
        _thread = new Thread(Run) { IsBackground = true, Name = "JSMS SQLite checkpoint" };
        _thread.Start();
        _fallback = (clock ?? TimeProvider.System).CreateTimer(static checkpointer => ((SqliteCheckpointer)checkpointer!).Committed(), this, Fallback, Fallback);
    }

    /// <summary>Called after each commit: a checkpoint follows within <see cref="Interval"/>.</summary>
    public void Committed()
    {
        if (_committed.CurrentCount == 0)
        {
            try
            {
                _committed.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled.
            }
            catch (ObjectDisposedException)
            {
                // Stopping: a commit that lands after the application's shutdown began needs no checkpoint from here.
            }
        }
    }

    /// <summary>
    /// A connection opens the WAL at its first read, and notices that another connection switched the file to WAL only at
    /// a read; until then a checkpoint call does nothing and reports -1 frames.
    /// </summary>
    private void Read()
    {
        using var read = _connection.CreateCommand();
        read.CommandText = "SELECT count(*) FROM sqlite_schema";
        read.ExecuteScalar();
    }

    private void Run()
    {
        try
        {
            var behind = false;
            while (true)
            {
                // After a partial checkpoint (a reader still used older frames) it tries again without waiting for a commit.
                if (!behind)
                {
                    _committed.Wait(_stop.Token);
                }
                var rc = raw.sqlite3_wal_checkpoint_v2(_connection.Handle, "main", raw.SQLITE_CHECKPOINT_PASSIVE, out var frames, out var copied);
                if (rc == raw.SQLITE_OK && frames < 0)
                {
                    // Not in WAL mode when this connection last read (a new file, switched to WAL since): read, then try again.
                    Read();
                    rc = raw.sqlite3_wal_checkpoint_v2(_connection.Handle, "main", raw.SQLITE_CHECKPOINT_PASSIVE, out frames, out copied);
                }
                if (rc is not (raw.SQLITE_OK or raw.SQLITE_BUSY or raw.SQLITE_LOCKED))
                {
                    _logger.LogWarning("WAL checkpoint failed: {Code} {Message}", rc, raw.sqlite3_errmsg(_connection.Handle).utf8_to_string());
                }
                behind = rc != raw.SQLITE_OK || copied < frames;
                if (_stop.Token.WaitHandle.WaitOne(Interval))
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (SqliteException e)
        {
            _logger.LogWarning(e, "The WAL checkpointer stopped: the WAL is copied back when the last connection closes.");
        }
    }

    public void Dispose()
    {
        _fallback.Dispose();
        _stop.Cancel();
        _thread.Join();
        _connection.Dispose();
        _committed.Dispose();
        _stop.Dispose();
    }
}
