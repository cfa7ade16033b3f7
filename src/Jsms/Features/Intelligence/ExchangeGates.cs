namespace Jsms.Features.Intelligence;

/// <summary>
/// The application's one-at-a-time gates of STIX storage and TAXII exchange, a singleton of each application (two
/// applications in one process, as in the tests and benchmarks, do not wait on each other).
/// </summary>
internal sealed class ExchangeGates : IDisposable
{
    /// <summary>Writes to collections, one at a time, so date_added is strictly increasing (one node, one writer).</summary>
    internal SemaphoreSlim Import { get; } = new(1, 1);

    /// <summary>One pull at a time on this node (the schedule and a manual pull never overlap).</summary>
    internal SemaphoreSlim Pull { get; } = new(1, 1);

    /// <summary>One push at a time on this node.</summary>
    internal SemaphoreSlim Push { get; } = new(1, 1);

    public void Dispose()
    {
        Import.Dispose();
        Pull.Dispose();
        Push.Dispose();
    }
}
