namespace Jsms.Features.Screening.Watchlists;

/// <summary>
/// One rescreen at a time in this application, so two imports never both add the same new match. A singleton of the
/// application's container rather than a static, so two applications in one process (the tests) do not wait on each
/// other; between processes on one PostgreSQL the unique index on subject, source and entry keeps one match row.
/// </summary>
internal sealed class RescreenGate : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        return new Releaser(gate);
    }

    public void Dispose() => gate.Dispose();

    private sealed class Releaser(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}
