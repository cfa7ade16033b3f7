using System.Diagnostics.Metrics;
using Jsms.Features.Tracking;

namespace Jsms.Bench;

/// <summary>
/// Listens to the app's tracking meter (<see cref="TrackingCounters.MeterName"/>) and prints the median, 99th percentile
/// and maximum of each ingest stage: where the alert latency's tail comes from.
/// </summary>
internal sealed class StageTimings : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Dictionary<string, List<double>> _values = [];
    private readonly Dictionary<string, string?> _units = [];

    public StageTimings()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == TrackingCounters.MeterName)
            {
                lock (_values)
                {
                    _values.TryAdd(instrument.Name, []);
                    _units[instrument.Name] = instrument.Unit;
                }
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, _, _) =>
        {
            lock (_values)
            {
                _values[instrument.Name].Add(value);
            }
        });
        _listener.SetMeasurementEventCallback<int>((instrument, value, _, _) =>
        {
            lock (_values)
            {
                _values[instrument.Name].Add(value);
            }
        });
        _listener.Start();
    }

    public void Print()
    {
        lock (_values)
        {
            foreach (var (name, values) in _values.Where(v => v.Value.Count > 0).OrderBy(v => v.Key, StringComparer.Ordinal))
            {
                values.Sort();
                var unit = _units[name] is "ms" ? " ms" : "";
                Console.WriteLine(string.Create(BenchWorld.Culture,
                    $"  {name}: {values.Count:N0} measured, median {values[values.Count / 2]:N1}{unit}, p99 {values[(int)(values.Count * 0.99)]:N1}{unit}, max {values[^1]:N1}{unit}"));
            }
        }
    }

    public void Dispose() => _listener.Dispose();
}
