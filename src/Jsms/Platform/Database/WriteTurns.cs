namespace Jsms.Platform.Database;

/// <summary>
/// Turns at the database's write lock for the writers that must not wait long: the tracking ingest writer's group
/// transactions and the tracking alert saves. SQLite has one write lock per file; a writer that meets it held waits in
/// SQLite's busy handler, which sleeps 25 to 100 ms between tries, so an alert save behind a group write of 40 ms could
/// wait 100 ms or more. Here they queue instead and are let in, in the order they asked, the moment the writer before
/// them is done (docs/decisions/0016). PostgreSQL takes concurrent writers: a turn is given at once.
/// </summary>
internal sealed class WriteTurns : IDisposable
{
    private readonly SemaphoreSlim? _lock;

    private WriteTurns(bool oneAtATime) => _lock = oneAtATime ? new SemaphoreSlim(1, 1) : null;

    /// <summary>For a database with one write lock (SQLite): one turn at a time, first come first served.</summary>
    public static WriteTurns OneAtATime() => new(oneAtATime: true);

    /// <summary>For a database that takes concurrent writers (PostgreSQL): every turn is given at once.</summary>
    public static WriteTurns Concurrent() => new(oneAtATime: false);

    /// <summary>Waits for this writer's turn; dispose the result when the transaction is committed or rolled back.</summary>
    public async ValueTask<Turn> TakeAsync(CancellationToken cancellationToken = default)
    {
        if (_lock is null)
        {
            return default;
        }
        // SemaphoreSlim lets its asynchronous waiters in first in, first out: a save that asks while a group is being
        // written goes before the writer's next group.
        await _lock.WaitAsync(cancellationToken);
        return new Turn(_lock);
    }

    public void Dispose() => _lock?.Dispose();

    /// <summary>A writer's turn; disposing it lets the next one in (once).</summary>
    internal struct Turn(SemaphoreSlim? held) : IDisposable
    {
        private SemaphoreSlim? _held = held;

        public void Dispose()
        {
            var held = _held;
            _held = null;
            held?.Release();
        }
    }
}
