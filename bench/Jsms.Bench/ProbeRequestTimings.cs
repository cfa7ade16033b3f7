using System.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Jsms.Bench;

/// <summary>
/// The server's own time for the probe's requests (small or chunked bodies to /api/tracking/positions: the load sends 80 KB with a length), from ASP.NET Core's
/// hosting diagnostics (request in, response out): set beside the probe's time as its client saw it, it splits the
/// alert latency into the server's share and the rest (connection, scheduling of the client in this process).
/// </summary>
internal sealed class ProbeRequestTimings : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private const string RequestIn = "Microsoft.AspNetCore.Hosting.HttpRequestIn";
    private readonly List<double> _durations = [];
    private readonly IDisposable _all;
    private readonly List<IDisposable> _subscriptions = [];

    public ProbeRequestTimings() => _all = DiagnosticListener.AllListeners.Subscribe(this);

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == "Microsoft.AspNetCore")
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(listener.Subscribe(this, name => name.StartsWith(RequestIn, StringComparison.Ordinal)));
            }
        }
    }

    private long _lastReceived;

    /// <summary>When the server began the latest probe request (Stopwatch timestamp): the probe sends one at a time.</summary>
    public long LastReceived => Interlocked.Read(ref _lastReceived);

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Value is not HttpContext { Request: { Path.Value: "/api/tracking/positions", ContentLength: null or < 1000 } })
        {
            return;
        }
        if (value.Key == RequestIn + ".Start")
        {
            Interlocked.Exchange(ref _lastReceived, Stopwatch.GetTimestamp());
        }
        else if (value.Key == RequestIn + ".Stop" && Activity.Current is { } activity)
        {
            lock (_durations)
            {
                _durations.Add(activity.Duration.TotalMilliseconds);
            }
        }
    }

    /// <summary>Forgets the requests of the warm-up.</summary>
    public void Restart()
    {
        lock (_durations)
        {
            _durations.Clear();
        }
    }

    public void Print()
    {
        lock (_durations)
        {
            if (_durations.Count == 0)
            {
                return;
            }
            _durations.Sort();
            Console.WriteLine(string.Create(BenchWorld.Culture,
                $"  the probe's requests in the server (request in -> response out), {_durations.Count} requests: median {_durations[_durations.Count / 2]:N1} ms, p99 {_durations[(int)(_durations.Count * 0.99)]:N1} ms, max {_durations[^1]:N1} ms"));
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _all.Dispose();
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
        }
    }
}
