using Jsms.Platform.Background;

namespace Jsms.Features.Tracking;

/// <summary>
/// The thread that stores what ingest produces: the writer's groups of positions and sightings and, on SQLite, the alerts
/// the engine raises from them. SQLite lets one connection write at a time; taking turns on one thread (the writer yields
/// after each group) replaces waiting in SQLite's busy handler, which sleeps in growing steps of up to 100 ms on both
/// sides, and keeps these blocking calls off the thread pool that requests need.
/// </summary>
public sealed class IngestWriteThread : IDisposable
{
    public DedicatedThreadScheduler Scheduler { get; } = new("JSMS ingest writer");

    public void Dispose() => Scheduler.Dispose();
}
