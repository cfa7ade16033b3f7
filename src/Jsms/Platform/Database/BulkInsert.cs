using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Jsms.Platform.Database;

/// <summary>
/// New rows written straight into their table, past the change tracker, with the statement built from the EF Core
/// model (table, columns, and each property's type mapping with its value converters), so the rows are exactly what
/// EF Core would write, on either provider. As in the tracking ingest (<c>IngestWriter</c>): SQLite reuses one
/// prepared single-row INSERT, its parameters rebound per row (Microsoft.Data.Sqlite looks each parameter up by name
/// in a list, so a command with thousands of them costs quadratic time); PostgreSQL sends multi-row INSERTs, fewer
/// round trips. Runs in the context's current transaction if there is one, else in its own.
/// Audited data goes through <see cref="JsmsDbContext.InsertReleasableInBulkAsync{T}"/>, which writes the audit entries too.
/// </summary>
public static class BulkInsert
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
}
