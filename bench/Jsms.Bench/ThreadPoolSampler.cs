namespace Jsms.Bench;

/// <summary>
/// Samples the thread pool every 20 ms during the measured windows: work items waiting for a thread and threads in the
/// pool (a queue that grows while threads stay few is starvation: a thread blocked in a synchronous call, which shows in
/// every request's latency), and the pause of each garbage collection it sees.
/// </summary>
internal sealed class ThreadPoolSampler : IDisposable
{
    private readonly List<(long Pending, int Threads)> _samples = [];
    private readonly List<double> _gcPauses = [];
    private string _longestGc = "";
    private readonly Timer _timer;
    private long _lastGc = GC.GetGCMemoryInfo(GCKind.Any).Index;

    // A thread that sleeps 1 ms at a time: a much longer sleep is time the machine did not run this process (the host's other
    // tenants hold the cores) or the runtime suspended it (GC); no code of the app can make an alert faster than that.
    private readonly List<double> _stalls = [];
    private readonly Thread _stallWatch;
    private volatile bool _stopped;

    public ThreadPoolSampler()
    {
        _stallWatch = new Thread(() =>
        {
            while (!_stopped)
            {
                var before = System.Diagnostics.Stopwatch.GetTimestamp();
                Thread.Sleep(1);
                var slept = System.Diagnostics.Stopwatch.GetElapsedTime(before).TotalMilliseconds;
                if (slept > 20)
                {
                    lock (_stalls)
                    {
                        _stalls.Add(slept);
                    }
                }
            }
        }) { IsBackground = true, Name = "bench stall watch" };
        _stallWatch.Start();
        _timer = new Timer(_ =>
        {
            lock (_samples)
            {
                _samples.Add((ThreadPool.PendingWorkItemCount, ThreadPool.ThreadCount));
                // The pauses of the latest collection (one sample misses the collections between two ticks, not their order of size).
                var gc = GC.GetGCMemoryInfo(GCKind.Any);
                if (gc.Index != _lastGc)
                {
                    _lastGc = gc.Index;
                    var pause = gc.PauseDurations.ToArray().Sum(p => p.TotalMilliseconds);
                    if (_gcPauses.Count == 0 || pause > _gcPauses.Max())
                    {
                        _longestGc = $"gen{gc.Generation}{(gc.Compacted ? " compacting" : "")}{(gc.Concurrent ? " background" : "")}, {gc.PromotedBytes / 1e6:N1} MB promoted";
                    }
                    _gcPauses.Add(pause);
                }
            }
        }, null, TimeSpan.Zero, TimeSpan.FromMilliseconds(20));
    }

    public void Print()
    {
        double[] stalls;
        lock (_stalls)
        {
            stalls = [.. _stalls];
        }
        lock (_samples)
        {
            if (_samples.Count == 0)
            {
                return;
            }
            var pending = _samples.Select(s => s.Pending).Order().ToList();
            var threads = _samples.Select(s => s.Threads).Order().ToList();
            Console.WriteLine(string.Create(BenchWorld.Culture,
                $"  stalls (a 1 ms sleep that took over 20 ms): {stalls.Length}, over 50 ms: {stalls.Count(t => t > 50)}, over 100 ms: {stalls.Count(t => t > 100)}, longest {(stalls.Length > 0 ? stalls.Max() : 0):N0} ms\n" +
                $"  thread pool ({_samples.Count:N0} samples every 20 ms): work items waiting median {pending[pending.Count / 2]:N0}, p99 {pending[(int)(pending.Count * 0.99)]:N0}, max {pending[^1]:N0}; threads median {threads[threads.Count / 2]}, max {threads[^1]}; GC pauses of {_gcPauses.Count} collections seen: median {(_gcPauses.Count > 0 ? _gcPauses.Order().ElementAt(_gcPauses.Count / 2) : 0):N1} ms, max {(_gcPauses.Count > 0 ? _gcPauses.Max() : 0):N1} ms ({_longestGc})"));
        }
    }

    public void Dispose()
    {
        _stopped = true;
        _timer.Dispose();
    }
}
