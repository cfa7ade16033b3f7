using System.Data;
using System.Globalization;
using System.Text;
using Jsms.Platform.Database;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Jsms.Features.Tracking;

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
