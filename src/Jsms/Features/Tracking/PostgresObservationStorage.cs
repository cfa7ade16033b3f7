using Npgsql;
using NpgsqlTypes;

namespace Jsms.Features.Tracking;

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
