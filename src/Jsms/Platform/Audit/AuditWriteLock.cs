namespace Jsms.Platform.Audit;

/// <summary>
/// Serialises the appends of one application to its audit log, so each entry links to the one before it
/// (<see cref="Platform.Database.JsmsDbContext.HoldAuditLockAsync"/>). One per application (a singleton of its
/// container), not per process: two applications in one process (tests, tools) write to two databases and must not
/// wait for each other.
/// </summary>
internal sealed class AuditWriteLock : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    internal Task WaitAsync(CancellationToken cancellationToken) => _gate.WaitAsync(cancellationToken);

    internal void Release() => _gate.Release();

    public void Dispose() => _gate.Dispose();
}
