using System.Collections.Concurrent;

namespace Jsms.Platform.Background;

/// <summary>
/// A task scheduler with one thread of its own, for a loop that runs as long as the app and blocks while it works
/// (SQLite has no asynchronous I/O, so its "async" calls block their thread). A loop started here resumes here after
/// each await, so its blocking never holds one of the thread pool's few threads: on two cores the pool starts with two,
/// adds more only after about half a second of starvation, and every request waits meanwhile.
/// </summary>
internal sealed class DedicatedThreadScheduler : TaskScheduler, IDisposable
{
    private readonly BlockingCollection<Task> _queue = [];
    private readonly Thread _thread;

    public DedicatedThreadScheduler(string name)
    {
        _thread = new Thread(Run) { IsBackground = true, Name = name };
        _thread.Start();
    }

    public override int MaximumConcurrencyLevel => 1;

    /// <summary>Starts <paramref name="loop"/> on this scheduler's thread; its continuations come back to it.</summary>
    public Task Start(Func<Task> loop)
    {
        // The loop belongs to the app, not to whichever request happened to start it.
        using (ExecutionContext.SuppressFlow())
        {
            return Task.Factory.StartNew(loop, CancellationToken.None, TaskCreationOptions.DenyChildAttach, this).Unwrap();
        }
    }

    private void Run()
    {
        foreach (var task in _queue.GetConsumingEnumerable())
        {
            TryExecuteTask(task);
        }
    }

    protected override void QueueTask(Task task)
    {
        try
        {
            _queue.Add(task);
        }
        catch (InvalidOperationException)
        {
            // Disposed: what is still scheduled here (a loop finishing on shutdown) runs on the pool instead.
            ThreadPool.UnsafeQueueUserWorkItem(_ => TryExecuteTask(task), null);
        }
    }

    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued)
        => Thread.CurrentThread == _thread && !taskWasPreviouslyQueued && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => _queue.ToArray();

    public void Dispose() => _queue.CompleteAdding();
}
