using System.Data;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Threading.Channels;
using Jsms.Platform.Background;
using Jsms.Platform.Database;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using SQLitePCL;

namespace Jsms.Features.Tracking;

/// <summary>A position to store: the (known, visible) device it came from and the fix, speed in metres per second.</summary>
public sealed record PositionToStore(Device Device, Fix Fix);

/// <summary>A sighting to store: the (known, visible) sensor, the normalised subject and the time it was seen.</summary>
public sealed record SightingToStore(Sensor Sensor, string Subject, DateTime Time);

/// <summary>
/// The one way positions and sightings are stored (every ingest endpoint goes through it; docs/decisions/0007).
/// Group commit: concurrent requests hand their validated batches to a channel; one writer stores whatever has
/// gathered in one transaction (SQLite: a reused prepared INSERT; PostgreSQL: binary COPY), commits, then the
/// batches go through the detection engine in arrival order. A caller's task completes only after its
/// observations are committed and have been through the engine, so a 2xx still means "durably stored".
/// A batch is written whole or not at all: if a gathered transaction fails, each batch is retried alone.
/// </summary>
public sealed class IngestWriter : IHostedService, IAsyncDisposable
{
    private readonly Channel<PendingBatch> _toStore = Channel.CreateBounded<PendingBatch>(new BoundedChannelOptions(256) { SingleReader = true });
    private readonly Channel<List<PendingBatch>> _toEngine = Channel.CreateBounded<List<PendingBatch>>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly IServiceScopeFactory _scopes;
    private readonly TrackingPipeline _pipeline;
    private readonly TrackingCounters _counters;
    private readonly WriteTurns _turns;
    private readonly TrackingOptions _options;
    private readonly ILogger<IngestWriter> _logger;
    private readonly Lock _startGate = new();
    private readonly LastPositionBuffer _lastPositions = new();
    // The two loops block (SQLite has no asynchronous I/O; the engine and its alert save): each has a thread of its own, so
    // they never hold the thread pool's few threads that requests need (docs/decisions/0007, round 6).
    private readonly DedicatedThreadScheduler _storeThread = new("JSMS ingest writer");
    private readonly DedicatedThreadScheduler _engineThread = new("JSMS tracking engine");
    private readonly int _maxGroupRows;
    private Task? _loops;
    private IObservationStorage? _storage;
    private int _disposed;

    public IngestWriter(IServiceScopeFactory scopes, TrackingPipeline pipeline, TrackingCounters counters, WriteTurns turns,
        IOptions<TrackingOptions> options, ILogger<IngestWriter> logger)
    {
        _scopes = scopes;
        _pipeline = pipeline;
        _counters = counters;
        _turns = turns;
        _options = options.Value;
        _maxGroupRows = Math.Max(1, _options.MaxGroupRows);
        _logger = logger;
    }

    /// <summary>
    /// Last positions of these devices that are committed but not yet written to <see cref="DeviceLastPosition"/> (at most a
    /// second behind). Ask before reading the table: a position is then in one or the other.
    /// </summary>
    public Dictionary<Guid, (long PositionId, DateTime Time)> HeldBackLastPositions(IEnumerable<Guid> deviceIds) => _lastPositions.Find(deviceIds);

    /// <summary>Stores the positions (one transaction, with whatever else is being stored), runs them through the engine; returns the alerts raised.</summary>
    public Task<int> StorePositionsAsync(IReadOnlyList<PositionToStore> positions, DateTime receivedAt, CancellationToken cancellationToken = default)
        => EnqueueAsync(new PendingBatch(positions, [], receivedAt), cancellationToken);

    /// <summary>Stores the sightings (placed at their sensor), runs them through the engine; returns the alerts raised.</summary>
    public Task<int> StoreSightingsAsync(IReadOnlyList<SightingToStore> sightings, DateTime receivedAt, CancellationToken cancellationToken = default)
        => EnqueueAsync(new PendingBatch([], sightings, receivedAt), cancellationToken);

    private async Task<int> EnqueueAsync(PendingBatch batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return 0;
        }
        EnsureStarted();
        if (!_toStore.Writer.TryWrite(batch))
        {
            try
            {
                await _toStore.Writer.WriteAsync(batch, cancellationToken);
            }
            catch (ChannelClosedException)
            {
                throw new OperationCanceledException("The server is shutting down.");
            }
        }
        // The batch is committed even if the caller goes away; the caller just stops waiting.
        return await batch.Done.Task.WaitAsync(cancellationToken);
    }

    private void EnsureStarted()
    {
        if (_loops is not null)
        {
            return;
        }
        lock (_startGate)
        {
            if (_loops is null)
            {
                _loops = Task.WhenAll(_storeThread.Start(StoreLoopAsync), _engineThread.Start(EngineLoopAsync));
            }
        }
    }

    private async Task StoreLoopAsync()
    {
        var reader = _toStore.Reader;
        try
        {
            while (await WaitForBatchesAsync(reader))
            {
                var group = new List<PendingBatch>();
                var rows = 0;
                while (rows < _maxGroupRows && reader.TryRead(out var batch))
                {
                    group.Add(batch);
                    rows += batch.Count;
                }
                var writing = Stopwatch.GetTimestamp();
                var stored = await WriteGroupAsync(group);
                var committed = Stopwatch.GetTimestamp();
                _counters.RecordGroup(rows, Stopwatch.GetElapsedTime(group.Min(b => b.Queued), writing), Stopwatch.GetElapsedTime(writing, committed));
                foreach (var batch in stored)
                {
                    batch.Committed = committed;
                }
                if (stored.Count > 0)
                {
                    await _toEngine.Writer.WriteAsync(stored, _stop.Token);
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        finally
        {
            _toEngine.Writer.TryComplete();
        }
        await FlushLastPositionsAsync();
    }

    /// <summary>Waits for the next batches; when last positions are held back and nothing comes for a second, writes them.</summary>
    private async Task<bool> WaitForBatchesAsync(ChannelReader<PendingBatch> reader)
    {
        var waiting = reader.WaitToReadAsync(_stop.Token).AsTask();
        while (!_lastPositions.IsEmpty && !waiting.IsCompleted)
        {
            // Real time, not the app's clock: how long a write is held back is a throughput bound of the write path, not a business timer.
            if (await Task.WhenAny(waiting, Task.Delay(LastPositionBuffer.Interval, _stop.Token)) != waiting)
            {
                await FlushLastPositionsAsync();
            }
        }
        return await waiting;
    }

    /// <summary>Writes the last positions held in memory (after a quiet second, and on the way out).</summary>
    private async Task FlushLastPositionsAsync()
    {
        if (_lastPositions.IsEmpty)
        {
            return;
        }
        try
        {
            _storage ??= await CreateStorageAsync();
            using (await _turns.TakeAsync())
            {
                await _storage.WriteAsync([], _lastPositions, flushLastPositions: true, CancellationToken.None);
            }
            _lastPositions.Committed([], flushed: true);
        }
        catch (Exception exception)
        {
            // Tried again a second later; were the process to stop, the next start recovers them from the positions.
            _logger.LogWarning(exception, "Writing the devices' last positions failed");
            if (_storage is not null)
            {
                await _storage.DisposeAsync();
                _storage = null;
            }
        }
    }

    /// <summary>Writes the group in one transaction; on failure, each batch alone, so one bad batch fails only itself.</summary>
    private async Task<List<PendingBatch>> WriteGroupAsync(List<PendingBatch> group)
    {
        try
        {
            await WriteAsync(group);
            return group;
        }
        catch (Exception exception) when (group.Count > 1 && exception is not OperationCanceledException)
        {
            _logger.LogWarning(exception, "Storing {Batches} gathered batches failed; storing them one by one", group.Count);
        }
        catch (Exception exception)
        {
            group[0].Done.TrySetException(exception);
            return [];
        }
        var stored = new List<PendingBatch>();
        foreach (var batch in group)
        {
            try
            {
                await WriteAsync([batch]);
                stored.Add(batch);
            }
            catch (Exception exception)
            {
                batch.Done.TrySetException(exception);
            }
        }
        return stored;
    }

    private async Task WriteAsync(List<PendingBatch> group)
    {
        _storage ??= await CreateStorageAsync();
        // The devices' last positions are written at most once a second, and after a second without reports; readers see the
        // ones held back through HeldBackLastPositions (docs/decisions/0007, "Last positions written behind").
        var flush = _lastPositions.Due;
        try
        {
            // An alert save that asked while the last group was written goes first (docs/decisions/0016).
            using (await _turns.TakeAsync(_stop.Token))
            {
                await _storage.WriteAsync(group, _lastPositions, flush, _stop.Token);
            }
            _lastPositions.Committed(group, flush);
        }
        catch
        {
            // A broken connection is not reused: the next group opens a new one.
            await _storage.DisposeAsync();
            _storage = null;
            throw;
        }
    }

    private async Task<IObservationStorage> CreateStorageAsync()
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JsmsDbContext>();
        var connectionString = db.Database.GetConnectionString()!;
        return db.Database.IsNpgsql()
            ? await PostgresObservationStorage.OpenAsync(connectionString, _stop.Token)
            : await SqliteObservationStorage.OpenAsync(connectionString, _options.SqliteSynchronous, _logger, _stop.Token);
    }

    private async Task EngineLoopAsync()
    {
        await foreach (var group in _toEngine.Reader.ReadAllAsync())
        {
            foreach (var batch in group)
            {
                _counters.AddPositions(batch.Positions.Count);
                _counters.AddSightings(batch.Sightings.Count);
            }
            try
            {
                var alerts = await _pipeline.ProcessBatchesAsync(group.Select(b => b.Observations()).ToList());
                _counters.RecordEngine(Stopwatch.GetElapsedTime(group[0].Committed));
                for (var i = 0; i < group.Count; i++)
                {
                    group[i].Done.TrySetResult(alerts[i]);
                }
            }
            catch (Exception exception)
            {
                _logger.LogError(exception, "Running stored observations through the engine failed");
                foreach (var batch in group)
                {
                    batch.Done.TrySetException(exception);
                }
            }
        }
    }

    /// <summary>Last positions still held in memory when the process last stopped are recovered from the positions stored after them.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        await LastPositionSql.CatchUpAsync(scope.ServiceProvider.GetRequiredService<JsmsDbContext>(), cancellationToken);
    }

    /// <summary>On shutdown, before the services go: takes no more batches and finishes those already handed over.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _toStore.Writer.TryComplete();
        if (_loops is not null)
        {
            try
            {
                await _loops.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                await _stop.CancelAsync();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Registered as a singleton and as the hosted service: the container disposes it twice.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        _toStore.Writer.TryComplete();
        await _stop.CancelAsync();
        if (_loops is not null)
        {
            try
            {
                await _loops;
            }
            catch (Exception exception) when (exception is OperationCanceledException or ChannelClosedException or ObjectDisposedException)
            {
                // Shutting down.
            }
        }
        while (_toStore.Reader.TryRead(out var left))
        {
            left.Done.TrySetCanceled();
        }
        if (_storage is not null)
        {
            await _storage.DisposeAsync();
        }
        _storeThread.Dispose();
        _engineThread.Dispose();
        _stop.Dispose();
    }
}

/// <summary>One request's validated observations; the storage fills in the ids; <see cref="Done"/> completes after the engine.</summary>
internal sealed class PendingBatch(IReadOnlyList<PositionToStore> positions, IReadOnlyList<SightingToStore> sightings, DateTime receivedAt)
{
    public IReadOnlyList<PositionToStore> Positions { get; } = positions;
    public IReadOnlyList<SightingToStore> Sightings { get; } = sightings;
    public DateTime ReceivedAt { get; } = receivedAt;
    public long[] PositionIds { get; } = new long[positions.Count];
    public long[] SightingIds { get; } = new long[sightings.Count];
    public int Count => Positions.Count + Sightings.Count;
    public TaskCompletionSource<int> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    /// <summary>Stopwatch timestamps of being queued and committed (the writer's timings).</summary>
    public long Queued { get; } = Stopwatch.GetTimestamp();
    public long Committed { get; set; }

    public List<Observation> Observations()
    {
        var list = new List<Observation>(Count);
        for (var i = 0; i < Positions.Count; i++)
        {
            var (device, fix) = Positions[i];
            list.Add(new Observation(device.EngineSubject, fix.Time, fix.Latitude, fix.Longitude, "position",
                PositionIds[i], device.UniqueId));
        }
        for (var i = 0; i < Sightings.Count; i++)
        {
            var s = Sightings[i];
            list.Add(new Observation(s.Subject, s.Time, s.Sensor.Latitude, s.Sensor.Longitude, "sighting", SightingIds[i], s.Sensor.Code));
        }
        return list;
    }
}

internal interface IObservationStorage : IAsyncDisposable
{
    /// <summary>
    /// Stores every batch of the group in one transaction and fills in their ids; nothing is stored if it throws. When
    /// <paramref name="lastPositions"/> says the devices' last positions are due, they are upserted in the same transaction.
    /// </summary>
    Task WriteAsync(IReadOnlyList<PendingBatch> group, LastPositionBuffer lastPositions, bool flushLastPositions, CancellationToken cancellationToken);
}

/// <summary>
/// SQLite: one IMMEDIATE transaction per group, on a connection kept open with a 64 MB page cache, through three
/// statements prepared once and driven with the native binding calls (Microsoft.Data.Sqlite's per-execution reader,
/// parameter look-up by name and value conversion cost more than the insert itself). The database is in WAL mode
/// (readers do not block the writer); <c>synchronous</c> is FULL by default (the WAL is synced at each commit, so a
/// commit survives power loss), NORMAL if configured (<c>Jsms:Tracking:SqliteSynchronous</c>; survives a crash of the
/// process, not of the machine). Values are written as EF Core writes them (GUID as upper-case TEXT, time as TEXT
/// <c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c>), so EF reads them back.
/// </summary>
internal sealed class SqliteObservationStorage : IObservationStorage
{
    private const string TimeFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFF";

    private readonly SqliteConnection _connection;
    private readonly SqliteCheckpointer _checkpointer;
    private readonly sqlite3_stmt _position;
    private readonly sqlite3_stmt _sighting;
    private readonly sqlite3_stmt _last;
    // Device and sensor ids as EF writes them, in UTF-8; bounded by the number of registered devices and sensors.
    private readonly Dictionary<Guid, byte[]> _guidText = [];

    private SqliteObservationStorage(SqliteConnection connection, SqliteCheckpointer checkpointer)
    {
        _connection = connection;
        _checkpointer = checkpointer;
        _position = Prepare("""
            INSERT INTO "Positions" ("DeviceId", "Time", "ReceivedAt", "Latitude", "Longitude", "Speed", "Bearing", "Altitude", "Accuracy")
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
            """);
        _sighting = Prepare("""
            INSERT INTO "Sightings" ("SensorId", "Subject", "Time", "ReceivedAt", "Latitude", "Longitude") VALUES (?1, ?2, ?3, ?4, ?5, ?6)
            """);
        _last = Prepare(LastPositionSql.Sqlite);
    }

    public static async Task<SqliteObservationStorage> OpenAsync(string connectionString, string synchronous, ILogger logger,
        CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var mode = string.Equals(synchronous, "NORMAL", StringComparison.OrdinalIgnoreCase) ? "NORMAL" : "FULL";
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = $"PRAGMA journal_mode=WAL; PRAGMA synchronous={mode}; PRAGMA cache_size=-65536; PRAGMA busy_timeout={SqliteBusyTimeout.Milliseconds};";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
        }
        // This connection's commits never checkpoint; the checkpointer does, on its own connection and thread.
        raw.sqlite3_wal_autocheckpoint(connection.Handle, 0);
        SqliteCheckpointer? checkpointer = null;
        try
        {
            checkpointer = new SqliteCheckpointer(connectionString, logger);
            return new SqliteObservationStorage(connection, checkpointer);
        }
        catch
        {
            // The writer tries again with a new storage at its next group: nothing of this one may stay open behind it.
            checkpointer?.Dispose();
            await connection.DisposeAsync();
            throw;
        }
    }

    public Task WriteAsync(IReadOnlyList<PendingBatch> group, LastPositionBuffer lastPositions, bool flushLastPositions, CancellationToken cancellationToken)
    {
        // Synchronous on purpose: SQLite has no asynchronous I/O, and this runs on the writer's own loop.
        using var transaction = _connection.BeginTransaction(IsolationLevel.Serializable, deferred: false);
        // Times are formatted straight into UTF-8 here and bound from this buffer (SQLite copies it): no string per value.
        Span<byte> time = stackalloc byte[64];
        foreach (var batch in group)
        {
            var received = Encoding.UTF8.GetBytes(batch.ReceivedAt.ToString(TimeFormat, CultureInfo.InvariantCulture));
            for (var i = 0; i < batch.Positions.Count; i++)
            {
                var (device, fix) = batch.Positions[i];
                raw.sqlite3_bind_text(_position, 1, GuidText(device.Id));
                raw.sqlite3_bind_text(_position, 2, Utf8Time(fix.Time, time));
                raw.sqlite3_bind_text(_position, 3, received);
                raw.sqlite3_bind_double(_position, 4, fix.Latitude);
                raw.sqlite3_bind_double(_position, 5, fix.Longitude);
                BindNullable(_position, 6, fix.Speed);
                BindNullable(_position, 7, fix.Bearing);
                BindNullable(_position, 8, fix.Altitude);
                BindNullable(_position, 9, fix.Accuracy);
                Execute(_position);
                batch.PositionIds[i] = raw.sqlite3_last_insert_rowid(_connection.Handle);
            }
            for (var i = 0; i < batch.Sightings.Count; i++)
            {
                var s = batch.Sightings[i];
                raw.sqlite3_bind_text(_sighting, 1, GuidText(s.Sensor.Id));
                raw.sqlite3_bind_text(_sighting, 2, s.Subject);
                raw.sqlite3_bind_text(_sighting, 3, Utf8Time(s.Time, time));
                raw.sqlite3_bind_text(_sighting, 4, received);
                raw.sqlite3_bind_double(_sighting, 5, s.Sensor.Latitude);
                raw.sqlite3_bind_double(_sighting, 6, s.Sensor.Longitude);
                Execute(_sighting);
                batch.SightingIds[i] = raw.sqlite3_last_insert_rowid(_connection.Handle);
            }
        }
        foreach (var (deviceId, (id, at)) in flushLastPositions ? lastPositions.With(group) : [])
        {
            raw.sqlite3_bind_text(_last, 1, GuidText(deviceId));
            raw.sqlite3_bind_int64(_last, 2, id);
            raw.sqlite3_bind_text(_last, 3, Utf8Time(at, time));
            Execute(_last);
        }
        transaction.Commit();
        _checkpointer.Committed();
        return Task.CompletedTask;
    }

    private sqlite3_stmt Prepare(string sql)
    {
        var rc = raw.sqlite3_prepare_v2(_connection.Handle, sql, out var statement);
        SqliteException.ThrowExceptionForRC(rc, _connection.Handle);
        return statement;
    }

    private void Execute(sqlite3_stmt statement)
    {
        var rc = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (rc != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(rc, _connection.Handle);
        }
    }

    private static void BindNullable(sqlite3_stmt statement, int index, double? value)
    {
        if (value is { } v)
        {
            raw.sqlite3_bind_double(statement, index, v);
        }
        else
        {
            raw.sqlite3_bind_null(statement, index);
        }
    }

    private byte[] GuidText(Guid id)
    {
        if (!_guidText.TryGetValue(id, out var text))
        {
            _guidText[id] = text = Encoding.UTF8.GetBytes(id.ToString().ToUpperInvariant());
        }
        return text;
    }

    /// <summary>
    /// <see cref="TimeFormat"/> written by hand (the general custom-format path cost more than binding the value): the date
    /// and time, then the fraction of the second to 7 digits without trailing zeros, and no dot when it is zero.
    /// </summary>
    internal static ReadOnlySpan<byte> Utf8Time(DateTime value, Span<byte> buffer)
    {
        Digits(buffer[..4], value.Year);
        buffer[4] = (byte)'-';
        Digits(buffer.Slice(5, 2), value.Month);
        buffer[7] = (byte)'-';
        Digits(buffer.Slice(8, 2), value.Day);
        buffer[10] = (byte)' ';
        Digits(buffer.Slice(11, 2), value.Hour);
        buffer[13] = (byte)':';
        Digits(buffer.Slice(14, 2), value.Minute);
        buffer[16] = (byte)':';
        Digits(buffer.Slice(17, 2), value.Second);
        var fraction = (int)(value.Ticks % TimeSpan.TicksPerSecond);
        if (fraction == 0)
        {
            return buffer[..19];
        }
        buffer[19] = (byte)'.';
        Digits(buffer.Slice(20, 7), fraction);
        var end = 27;
        while (buffer[end - 1] == (byte)'0')
        {
            end--;
        }
        return buffer[..end];
    }

    private static void Digits(Span<byte> target, int value)
    {
        for (var i = target.Length - 1; i >= 0; i--)
        {
            target[i] = (byte)('0' + value % 10);
            value /= 10;
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Statements are finalised before their connection closes.
        _position.Dispose();
        _sighting.Dispose();
        _last.Dispose();
        _checkpointer.Dispose();
        await _connection.DisposeAsync();
    }
}

/// <summary>Keeps <see cref="DeviceLastPosition"/>: a device's row moves only to a later position (a late or replayed fix does not).</summary>
internal static class LastPositionSql
{
    // Only for devices still registered: one deleted while its batch was in flight has no row to keep (its positions are
    // unreachable), and the foreign key would otherwise fail the whole group.
    private const string Upsert = """
        INSERT INTO "DeviceLastPositions" ("DeviceId", "PositionId", "Time") {0}
        ON CONFLICT ("DeviceId") DO UPDATE SET "PositionId" = excluded."PositionId", "Time" = excluded."Time"
        WHERE excluded."Time" > "DeviceLastPositions"."Time"
           OR (excluded."Time" = "DeviceLastPositions"."Time" AND excluded."PositionId" > "DeviceLastPositions"."PositionId")
        """;

    public static readonly string Sqlite = string.Format(CultureInfo.InvariantCulture, Upsert,
        """SELECT ?1, ?2, ?3 WHERE EXISTS (SELECT 1 FROM "Devices" WHERE "Id" = ?1)""");

    public static readonly string Postgres = string.Format(CultureInfo.InvariantCulture, Upsert,
        """SELECT u.d, u.p, u.t FROM unnest($1, $2, $3) AS u(d, p, t) WHERE EXISTS (SELECT 1 FROM "Devices" WHERE "Id" = u.d)""");

    // Latest per device of the positions stored after the newest one recorded (a row only moves forward, so scanning from an
    // older id than strictly needed is harmless). Ids grow in commit order: the writer is the only one storing positions.
    private static readonly string CatchUp = string.Format(CultureInfo.InvariantCulture, Upsert, """
        SELECT l."DeviceId", l."Id", l."Time" FROM (
            SELECT p."DeviceId", p."Id", p."Time", ROW_NUMBER() OVER (PARTITION BY p."DeviceId" ORDER BY p."Time" DESC, p."Id" DESC) AS "Rank"
            FROM "Positions" AS p
            WHERE p."Id" > (SELECT COALESCE(MAX("PositionId"), 0) FROM "DeviceLastPositions")) AS l
        WHERE l."Rank" = 1 AND EXISTS (SELECT 1 FROM "Devices" WHERE "Id" = l."DeviceId")
        """);

    /// <summary>Brings the table up to date with positions stored but not yet reflected in it (the process stopped before the flush).</summary>
    public static Task<int> CatchUpAsync(JsmsDbContext db, CancellationToken cancellationToken)
        => db.Database.ExecuteSqlRawAsync(CatchUp, cancellationToken);
}

/// <summary>
/// Each device's latest stored position (by event time, then id) not yet written to <see cref="DeviceLastPosition"/>.
/// The writer upserts them at most once a second instead of with every group: the upserts touched a row per reporting
/// device per commit and cost as much as storing the positions. Only committed groups enter it; readers of last positions
/// look here first, then at the table, so what was acknowledged is shown at once.
/// </summary>
internal sealed class LastPositionBuffer
{
    /// <summary>Longest time a device's last position is held back.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    // Written by the writer's loop only; read by requests (Find), hence the lock.
    private readonly Dictionary<Guid, (long Id, DateTime Time)> _pending = [];
    private readonly Lock _lock = new();
    private long _flushedAt = Stopwatch.GetTimestamp();

    public bool IsEmpty => _pending.Count == 0;

    /// <summary>The held-back last positions of these devices (committed positions not yet written to the table).</summary>
    public Dictionary<Guid, (long Id, DateTime Time)> Find(IEnumerable<Guid> deviceIds)
    {
        var found = new Dictionary<Guid, (long Id, DateTime Time)>();
        lock (_lock)
        {
            if (_pending.Count > 0)
            {
                foreach (var id in deviceIds)
                {
                    if (_pending.TryGetValue(id, out var last))
                    {
                        found[id] = last;
                    }
                }
            }
        }
        return found;
    }

    public bool Due => Stopwatch.GetElapsedTime(_flushedAt) >= Interval;

    /// <summary>What to write if this group commits: the pending positions merged with the group's (whose ids are filled in).</summary>
    public Dictionary<Guid, (long Id, DateTime Time)> With(IReadOnlyList<PendingBatch> group)
    {
        Dictionary<Guid, (long Id, DateTime Time)> merged;
        lock (_lock)
        {
            merged = new Dictionary<Guid, (long Id, DateTime Time)>(_pending);
        }
        Merge(merged, group);
        return merged;
    }

    /// <summary>The group committed: its positions were written (flushed) or wait for the next flush.</summary>
    public void Committed(IReadOnlyList<PendingBatch> group, bool flushed)
    {
        lock (_lock)
        {
            if (flushed)
            {
                _pending.Clear();
                _flushedAt = Stopwatch.GetTimestamp();
            }
            else
            {
                Merge(_pending, group);
            }
        }
    }

    /// <summary>The order of last positions, as the table's upsert has it: later in event time, then the later stored.</summary>
    public static bool IsLater((long Id, DateTime Time) position, (long Id, DateTime Time) than)
        => position.Time > than.Time || (position.Time == than.Time && position.Id > than.Id);

    private static void Merge(Dictionary<Guid, (long Id, DateTime Time)> latest, IReadOnlyList<PendingBatch> group)
    {
        foreach (var batch in group)
        {
            for (var i = 0; i < batch.Positions.Count; i++)
            {
                var (device, fix) = batch.Positions[i];
                var id = batch.PositionIds[i];
                if (!latest.TryGetValue(device.Id, out var last) || IsLater((id, fix.Time), last))
                {
                    latest[device.Id] = (id, fix.Time);
                }
            }
        }
    }
}

/// <summary>
/// PostgreSQL: one transaction per group; ids are taken from the tables' identity sequences for the whole group in
/// one round trip, then the rows go in by binary COPY. The commit waits for the WAL flush (synchronous_commit on).
/// </summary>
internal sealed class PostgresObservationStorage(NpgsqlDataSource source, string positionSequence, string sightingSequence) : IObservationStorage
{
    public static async Task<PostgresObservationStorage> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        // The writer runs the same few statements for every group: prepared once per connection, not parsed and planned each time.
        var source = new NpgsqlDataSourceBuilder(connectionString) { ConnectionStringBuilder = { MaxAutoPrepare = 10, AutoPrepareMinUsages = 2 } }.Build();
        try
        {
            // Resolved once: pg_get_serial_sequence in the id query was evaluated per row and took a quarter of the server's time.
            await using var command = source.CreateCommand(
                """SELECT pg_get_serial_sequence('"Positions"', 'Id'), pg_get_serial_sequence('"Sightings"', 'Id')""");
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            return new PostgresObservationStorage(source, reader.GetString(0), reader.GetString(1));
        }
        catch
        {
            await source.DisposeAsync();
            throw;
        }
    }

    public async Task WriteAsync(IReadOnlyList<PendingBatch> group, LastPositionBuffer lastPositions, bool flushLastPositions, CancellationToken cancellationToken)
    {
        var positions = group.Sum(b => b.Positions.Count);
        var sightings = group.Sum(b => b.Sightings.Count);
        await using var connection = await source.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (positions > 0)
        {
            var next = await ReserveIdsAsync(connection, positionSequence, positions, cancellationToken);
            await using var copy = await connection.BeginBinaryImportAsync("""
                COPY "Positions" ("Id", "DeviceId", "Time", "ReceivedAt", "Latitude", "Longitude", "Speed", "Bearing", "Altitude", "Accuracy")
                FROM STDIN (FORMAT BINARY)
                """, cancellationToken);
            foreach (var batch in group)
            {
                for (var i = 0; i < batch.Positions.Count; i++)
                {
                    var (device, fix) = batch.Positions[i];
                    var id = next++;
                    batch.PositionIds[i] = id;
                    copy.StartRow();
                    copy.Write(id, NpgsqlDbType.Bigint);
                    copy.Write(device.Id, NpgsqlDbType.Uuid);
                    copy.Write(fix.Time, NpgsqlDbType.TimestampTz);
                    copy.Write(batch.ReceivedAt, NpgsqlDbType.TimestampTz);
                    copy.Write(fix.Latitude, NpgsqlDbType.Double);
                    copy.Write(fix.Longitude, NpgsqlDbType.Double);
                    WriteNullable(copy, fix.Speed);
                    WriteNullable(copy, fix.Bearing);
                    WriteNullable(copy, fix.Altitude);
                    WriteNullable(copy, fix.Accuracy);
                }
            }
            await copy.CompleteAsync(cancellationToken);
        }
        if (flushLastPositions)
        {
            await UpsertLastPositionsAsync(connection, lastPositions.With(group), cancellationToken);
        }
        if (sightings > 0)
        {
            var next = await ReserveIdsAsync(connection, sightingSequence, sightings, cancellationToken);
            await using var copy = await connection.BeginBinaryImportAsync("""
                COPY "Sightings" ("Id", "SensorId", "Subject", "Time", "ReceivedAt", "Latitude", "Longitude") FROM STDIN (FORMAT BINARY)
                """, cancellationToken);
            foreach (var batch in group)
            {
                for (var i = 0; i < batch.Sightings.Count; i++)
                {
                    var s = batch.Sightings[i];
                    var id = next++;
                    batch.SightingIds[i] = id;
                    copy.StartRow();
                    copy.Write(id, NpgsqlDbType.Bigint);
                    copy.Write(s.Sensor.Id, NpgsqlDbType.Uuid);
                    copy.Write(s.Subject, NpgsqlDbType.Varchar);
                    copy.Write(s.Time, NpgsqlDbType.TimestampTz);
                    copy.Write(batch.ReceivedAt, NpgsqlDbType.TimestampTz);
                    copy.Write(s.Sensor.Latitude, NpgsqlDbType.Double);
                    copy.Write(s.Sensor.Longitude, NpgsqlDbType.Double);
                }
            }
            await copy.CompleteAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task UpsertLastPositionsAsync(NpgsqlConnection connection, Dictionary<Guid, (long Id, DateTime Time)> latest,
        CancellationToken cancellationToken)
    {
        if (latest.Count == 0)
        {
            return;
        }
        await using var command = connection.CreateCommand();
        command.CommandText = LastPositionSql.Postgres;
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. latest.Keys] });
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. latest.Values.Select(v => v.Id)] });
        command.Parameters.Add(new NpgsqlParameter<DateTime[]> { TypedValue = [.. latest.Values.Select(v => v.Time)] });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // Rows are written with the synchronous calls: they only fill Npgsql's buffer (flushing when full), and an async
    // call per field cost more than the field. This loop is the writer's own, so blocking on a flush is harmless.
    private static void WriteNullable(NpgsqlBinaryImporter copy, double? value)
    {
        if (value is { } v)
        {
            copy.Write(v, NpgsqlDbType.Double);
        }
        else
        {
            copy.WriteNull();
        }
    }

    /// <summary>
    /// Takes <paramref name="count"/> consecutive values from a table's identity sequence in one call and returns the first
    /// (a nextval per row cost about a fifth of the COPY). The block is taken with nextval then setval, which is safe because
    /// this writer is the only one storing positions and sightings (the start-up catch-up of last positions relies on it too).
    /// </summary>
    private static async Task<long> ReserveIdsAsync(NpgsqlConnection connection, string sequence, int count, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT setval($1::regclass, nextval($1::regclass) + $2 - 1)";
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = sequence, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = count });
        var last = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        return last - count + 1;
    }

    public ValueTask DisposeAsync() => source.DisposeAsync();
}
