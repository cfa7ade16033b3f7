using System.Diagnostics.Metrics;

namespace Jsms.Features.Tracking;

/// <summary>What ingest accepted and refused since start (GET /api/tracking/stats).</summary>
internal sealed class TrackingCounters
{
    /// <summary>The meter of the ingest path's timings (dotnet-counters, OpenTelemetry): where an alert's latency goes.</summary>
    public const string MeterName = "Jsms.Tracking";

    private long _positions, _sightings, _unknownDevices, _unknownSensors, _malformed, _alerts;
    private readonly Histogram<double> _groupWait, _groupWrite, _groupEngine, _alertSave;
    private readonly Histogram<int> _groupRows;

    public TrackingCounters(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _groupWait = meter.CreateHistogram<double>("jsms.tracking.group.wait", "ms", "From the oldest batch of a group being queued to the start of its write");
        _groupWrite = meter.CreateHistogram<double>("jsms.tracking.group.write", "ms", "Storing a group in one transaction, commit included");
        _groupEngine = meter.CreateHistogram<double>("jsms.tracking.group.engine", "ms", "From a group's commit to its batches being answered: the wait for the engine, the engine and the alert save");
        _alertSave = meter.CreateHistogram<double>("jsms.tracking.alerts.save", "ms", "Storing the alerts of one engine step");
        _groupRows = meter.CreateHistogram<int>("jsms.tracking.group.rows", "{row}", "Positions and sightings stored in one group's transaction");
    }

    public void RecordGroup(int rows, TimeSpan wait, TimeSpan write)
    {
        _groupRows.Record(rows);
        _groupWait.Record(wait.TotalMilliseconds);
        _groupWrite.Record(write.TotalMilliseconds);
    }

    public void RecordEngine(TimeSpan sinceCommit) => _groupEngine.Record(sinceCommit.TotalMilliseconds);

    public void RecordAlertSave(TimeSpan duration) => _alertSave.Record(duration.TotalMilliseconds);

    public long Positions => Interlocked.Read(ref _positions);
    public long Sightings => Interlocked.Read(ref _sightings);
    public long UnknownDevices => Interlocked.Read(ref _unknownDevices);
    public long UnknownSensors => Interlocked.Read(ref _unknownSensors);
    public long Malformed => Interlocked.Read(ref _malformed);
    public long Alerts => Interlocked.Read(ref _alerts);

    public void AddPositions(long n) => Interlocked.Add(ref _positions, n);
    public void AddSightings(long n) => Interlocked.Add(ref _sightings, n);
    public void AddUnknownDevices(long n) => Interlocked.Add(ref _unknownDevices, n);
    public void AddUnknownSensors(long n) => Interlocked.Add(ref _unknownSensors, n);
    public void AddMalformed(long n) => Interlocked.Add(ref _malformed, n);
    public void AddAlerts(long n) => Interlocked.Add(ref _alerts, n);
}
