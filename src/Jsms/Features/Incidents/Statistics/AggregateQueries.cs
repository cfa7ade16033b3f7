using Jsms.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Incidents;

/// <summary>
/// Runs the incidents' aggregate reads (statistics, heat view, map) on PostgreSQL with JIT compilation off. The planner
/// prices the access policy's named-recipient check as a subquery per row, so a scan of the register is estimated in the
/// millions and passes <c>jit_optimize_above_cost</c>: the server then spends longer compiling the query (about 170 ms)
/// than running it (40 ms over 50,000 incidents). <c>SET LOCAL</c> keeps the setting to this transaction, so pooled
/// connections and other queries are unaffected; on SQLite, or inside a caller's transaction, the read runs as it is.
/// </summary>
internal static class AggregateQueries
{
    public static async Task<T> WithoutJitAsync<T>(JsmsDbContext db, Func<Task<T>> read, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql() || db.Database.CurrentTransaction is not null)
        {
            return await read();
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("SET LOCAL jit = off", cancellationToken);
        var result = await read();
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
