namespace Jsms.Bench;

/// <summary>
/// Samples the thread pool every 20 ms during the measured windows: work items waiting for a thread and threads in the
/// pool. A queue that grows while threads stay few is starvation (a thread blocked in a synchronous call), which shows
/// in every request's latency.
/// </summary>
internal sealed class ThreadPoolSampler : IDisposable
{
    private readonly List<(long Pending, int Threads)> _samples = [];
    private readonly Timer _timer;

    public ThreadPoolSampler()
        => _timer = new Timer(_ =>
        {
            lock (_samples)
            {
                _samples.Add((ThreadPool.PendingWorkItemCount, ThreadPool.ThreadCount));
            }
        }, null, TimeSpan.Zero, TimeSpan.FromMilliseconds(20));

    public void Print()
    {
        lock (_samples)
        {
            if (_samples.Count == 0)
            {
                return;
            }
            var pending = _samples.Select(s => s.Pending).Order().ToList();
            var threads = _samples.Select(s => s.Threads).Order().ToList();
            Console.WriteLine(string.Create(BenchWorld.Culture,
                $"  thread pool ({_samples.Count:N0} samples every 20 ms): work items waiting median {pending[pending.Count / 2]:N0}, p99 {pending[(int)(pending.Count * 0.99)]:N0}, max {pending[^1]:N0}; threads median {threads[threads.Count / 2]}, max {threads[^1]}"));
        }
    }

    public void Dispose() => _timer.Dispose();
}
