using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using SQLitePCL;

namespace Jsms.Platform.Database;

/// <summary>
/// New rows written straight into their table, past the change tracker, with the statement built from the EF Core
/// model (table, columns, and each property's type mapping with its value converters), so the rows are exactly what
/// EF Core would write, on either provider. As in the tracking ingest (<c>SqliteObservationStorage</c>): SQLite runs one
/// single-row INSERT prepared once and driven with the native binding calls, values bound by position (Microsoft.Data.Sqlite
/// looks every parameter up by name in SQLite's list on every execution and builds a reader per execution, which cost
/// more than the insert itself); PostgreSQL takes the rows by binary COPY (as the tracking ingest's
/// <c>PostgresObservationStorage</c>: no SQL text or parameters to build, parse and plan). Runs in the context's current
/// transaction if there is one, else in its own.
/// Audited data goes through <see cref="JsmsDbContext.InsertReleasableInBulkAsync{T}"/>, which writes the audit entries too.
/// </summary>
internal static class BulkInsert
{
    public static async Task InsertAsync<T>(DbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken = default) where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }
        var entity = db.Model.FindEntityType(typeof(T))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var properties = entity.GetProperties().ToList();
        var mappings = properties.Select(p => p.GetRelationalTypeMapping()).ToList();
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name)} ({string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))}) VALUES ";
        // Beginning a transaction opens the connection; one already begun has it open.
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        var connection = db.Database.GetDbConnection();
        try
        {
            if (connection is SqliteConnection sqlite && properties.All(NativeSqlite.Supports))
            {
                NativeSqlite.Insert(sqlite, head, properties, mappings, rows, cancellationToken);
                if (own is not null)
                {
                    await own.CommitAsync(cancellationToken);
                }
                return;
            }
            if (connection is NpgsqlConnection npgsql)
            {
                var copy = $"COPY {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))}) FROM STDIN (FORMAT BINARY)";
                await PostgresCopy.InsertAsync(npgsql, copy, properties, mappings, rows, cancellationToken);
                if (own is not null)
                {
                    await own.CommitAsync(cancellationToken);
                }
                return;
            }
            var perStatement = db.Database.IsSqlite() ? 1 : 100;
            DbCommand? single = null;
            try
            {
                for (var offset = 0; offset < rows.Count; offset += perStatement)
                {
                    if (perStatement == 1 && single is not null)
                    {
                        for (var c = 0; c < properties.Count; c++)
                        {
                            var value = properties[c].GetGetter().GetClrValue(rows[offset]);
                            single.Parameters[c].Value = (mappings[c].Converter is { } converter ? converter.ConvertToProvider(value) : value) ?? DBNull.Value;
                        }
                        await single.ExecuteNonQueryAsync(cancellationToken);
                        continue;
                    }
                    var command = connection.CreateCommand();
                    command.Transaction = transaction;
                    command.CommandTimeout = 600;
                    var text = new StringBuilder(head);
                    var n = 0;
                    for (var r = offset; r < Math.Min(rows.Count, offset + perStatement); r++)
                    {
                        text.Append(r == offset ? "(" : ", (");
                        for (var c = 0; c < properties.Count; c++)
                        {
                            var name = "p" + n++;
                            text.Append(c == 0 ? "" : ", ").Append('@').Append(name);
                            // Microsoft.Data.Sqlite binds by name on every execution and tries ':', '@' and '$' before an
                            // unprefixed name: named as written, each parameter is found on the first lookup.
                            command.Parameters.Add(mappings[c].CreateParameter(command, perStatement == 1 ? "@" + name : name,
                                properties[c].GetGetter().GetClrValue(rows[r]), properties[c].IsNullable));
                        }
                        text.Append(')');
                    }
                    command.CommandText = text.ToString();
                    await command.ExecuteNonQueryAsync(cancellationToken);
                    if (perStatement == 1)
                    {
                        single = command;
                    }
                    else
                    {
                        await command.DisposeAsync();
                    }
                }
            }
            finally
            {
                if (single is not null)
                {
                    await single.DisposeAsync();
                }
            }
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// SQLite rows bound natively by position, each value written as Microsoft.Data.Sqlite writes it for EF Core: GUIDs as
    /// upper-case TEXT, times as TEXT <c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c>, booleans and integers as INTEGER. Properties of
    /// other provider types take the Microsoft.Data.Sqlite path.
    /// </summary>
    private static class NativeSqlite
    {
        private const string TimeFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFF";

        private static readonly HashSet<Type> Types =
            [typeof(string), typeof(Guid), typeof(DateTime), typeof(bool), typeof(int), typeof(long), typeof(double), typeof(byte[])];

        public static bool Supports(IProperty property)
        {
            var mapping = property.GetRelationalTypeMapping();
            var provider = mapping.Converter?.ProviderClrType ?? property.ClrType;
            return Types.Contains(Nullable.GetUnderlyingType(provider) ?? provider);
        }

        public static void Insert<T>(SqliteConnection connection, string head, List<IProperty> properties, List<RelationalTypeMapping> mappings,
            IReadOnlyList<T> rows, CancellationToken cancellationToken) where T : class
        {
            var text = new StringBuilder(head).Append('(');
            for (var c = 1; c <= properties.Count; c++)
            {
                text.Append(c == 1 ? "?" : ", ?").Append(c.ToString(CultureInfo.InvariantCulture));
            }
            text.Append(')');
            var rc = raw.sqlite3_prepare_v2(connection.Handle, text.ToString(), out var statement);
            SqliteException.ThrowExceptionForRC(rc, connection.Handle);
            var getters = properties.Select(p => p.GetGetter()).ToList();
            var converters = mappings.Select(m => m.Converter).ToList();
            Span<byte> buffer = stackalloc byte[64];
            // Text is encoded into one reused buffer (SQLite copies a bound value): binding a string allocated its UTF-8
            // bytes per value, the largest part of an exchange's garbage with a stored object's JSON (docs/intelligence.md).
            var text8 = new byte[4096];
            using (statement)
            {
                foreach (var row in rows)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    for (var c = 0; c < properties.Count; c++)
                    {
                        var value = getters[c].GetClrValue(row);
                        if (converters[c] is { } converter && value is not null)
                        {
                            value = converter.ConvertToProvider(value);
                        }
                        var index = c + 1;
                        _ = value switch
                        {
                            null => raw.sqlite3_bind_null(statement, index),
                            // An empty span would bind a null pointer, which SQLite stores as NULL, not ''.
                            string { Length: 0 } s => raw.sqlite3_bind_text(statement, index, s),
                            string s => raw.sqlite3_bind_text(statement, index, Utf8Text(s, ref text8)),
                            Guid g => raw.sqlite3_bind_text(statement, index, Utf8Guid(g, buffer)),
                            DateTime t => raw.sqlite3_bind_text(statement, index, Utf8Time(t, buffer)),
                            bool b => raw.sqlite3_bind_int(statement, index, b ? 1 : 0),
                            int i => raw.sqlite3_bind_int64(statement, index, i),
                            long l => raw.sqlite3_bind_int64(statement, index, l),
                            double d => raw.sqlite3_bind_double(statement, index, d),
                            byte[] bytes => raw.sqlite3_bind_blob(statement, index, bytes),
                            _ => throw new InvalidOperationException($"No native SQLite binding for {value.GetType()}."),
                        };
                    }
                    rc = raw.sqlite3_step(statement);
                    raw.sqlite3_reset(statement);
                    if (rc != raw.SQLITE_DONE)
                    {
                        SqliteException.ThrowExceptionForRC(rc, connection.Handle);
                    }
                }
            }
        }

        private static ReadOnlySpan<byte> Utf8Text(string value, ref byte[] buffer)
        {
            var most = Encoding.UTF8.GetMaxByteCount(value.Length);
            if (most > buffer.Length)
            {
                var needed = Encoding.UTF8.GetByteCount(value);
                if (needed > buffer.Length)
                {
                    buffer = new byte[Math.Max(needed, buffer.Length * 2)];
                }
            }
            return buffer.AsSpan(0, Encoding.UTF8.GetBytes(value, buffer));
        }

        private static ReadOnlySpan<byte> Utf8Guid(Guid value, Span<byte> buffer)
        {
            value.TryFormat(buffer, out var written);
            var text = buffer[..written];
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] is >= (byte)'a' and <= (byte)'f')
                {
                    text[i] -= 'a' - 'A';
                }
            }
            return text;
        }

        private static ReadOnlySpan<byte> Utf8Time(DateTime value, Span<byte> buffer)
            => value.TryFormat(buffer, out var written, TimeFormat, CultureInfo.InvariantCulture) ? buffer[..written] : throw new FormatException(value.ToString("O"));
    }

    /// <summary>PostgreSQL rows by binary COPY, each value (after the property's value converter) written as its column's type.</summary>
    private static class PostgresCopy
    {
        public static async Task InsertAsync<T>(NpgsqlConnection connection, string copy, List<IProperty> properties,
            List<RelationalTypeMapping> mappings, IReadOnlyList<T> rows, CancellationToken cancellationToken) where T : class
        {
            var getters = properties.Select(p => p.GetGetter()).ToList();
            var converters = mappings.Select(m => m.Converter).ToList();
            // The column's type without its facets ("character varying", not "character varying(300)").
            var types = mappings.Select(m => m.StoreTypeNameBase).ToList();
            await using var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken);
            foreach (var row in rows)
            {
                await importer.StartRowAsync(cancellationToken);
                for (var c = 0; c < properties.Count; c++)
                {
                    var value = getters[c].GetClrValue(row);
                    if (value is null)
                    {
                        await importer.WriteNullAsync(cancellationToken);
                        continue;
                    }
                    if (converters[c] is { } converter)
                    {
                        value = converter.ConvertToProvider(value)!;
                    }
                    await importer.WriteAsync(value, types[c], cancellationToken);
                }
            }
            await importer.CompleteAsync(cancellationToken);
        }
    }
}
