using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Jsms.Features.Tracking;

/// <summary>
/// Copies the ingest writer's WAL frames back into the database file on its own connection and thread, so the writer's
/// commits never do it. SQLite's automatic checkpoint runs inside the commit that crosses 1,000 pages: under sustained
/// ingest that was one commit a second taking 50 to 150 ms (copy and two fsyncs), the tail of the alert latency
/// (docs/tracking.md, "Round 5"). A PASSIVE checkpoint does not block the writer, and once it has copied every frame
/// the writer's next transaction starts the WAL again from its beginning, so the file stays small.
/// </summary>
internal sealed class SqliteCheckpointer : IDisposable
{
    /// <summary>At most this often: each checkpoint syncs the database file.</summary>
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _committed = new(0, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;
    private readonly ILogger _logger;

    public SqliteCheckpointer(string connectionString, ILogger logger)
    {
        _logger = logger;
        _connection = new SqliteConnection(connectionString);
        _connection.Open();
        raw.sqlite3_busy_timeout(_connection.Handle, 1_000);
        // A connection opens the WAL at its first read; until then a checkpoint call does nothing (and reports -1 frames).
        using (var read = _connection.CreateCommand())
        {
            read.CommandText = "SELECT count(*) FROM sqlite_schema";
            read.ExecuteScalar();
        }
        _thread = new Thread(Run) { IsBackground = true, Name = "JSMS SQLite checkpoint" };
        _thread.Start();
    }

    /// <summary>Called after each commit of the writer: a checkpoint follows within <see cref="Interval"/>.</summary>
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
        }
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
    }

    public void Dispose()
    {
        _stop.Cancel();
        _thread.Join();
        _connection.Dispose();
        _committed.Dispose();
        _stop.Dispose();
    }
}
