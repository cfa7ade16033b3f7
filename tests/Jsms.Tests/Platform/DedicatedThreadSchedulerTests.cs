using Jsms.Platform.Background;

namespace Jsms.Tests.Platform;

/// <summary>
/// The ingest writer's loops block (SQLite has no asynchronous I/O): they must stay on their own thread across awaits, or
/// they hold the thread pool's few threads that requests need.
/// </summary>
public sealed class DedicatedThreadSchedulerTests
{
    [Fact]
    public async Task A_loop_started_on_the_scheduler_resumes_on_its_own_thread_after_each_await_and_a_second_one_runs_there_too()
    {
        using var scheduler = new DedicatedThreadScheduler("test loop");
        var threads = new List<string?>();
        using var waiting = new SemaphoreSlim(0);
        var signals = Enumerable.Range(0, 3).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var loop = scheduler.Start(async () =>
        {
            for (var i = 0; i < 3; i++)
            {
                threads.Add(Thread.CurrentThread.Name);
                waiting.Release();
                // Completed by another thread: the continuation is queued back to this scheduler, not run where it was signalled.
                await signals[i].Task;
                threads.Add(Thread.CurrentThread.Name);
                await Task.Yield();
            }
        });
        foreach (var signal in signals)
        {
            await waiting.WaitAsync();
            _ = Task.Run(signal.SetResult);
        }
        string? queued = null;
        await scheduler.Start(() =>
        {
            queued = Thread.CurrentThread.Name;
            return Task.CompletedTask;
        });
        await loop;

        Assert.Equal(6, threads.Count);
        Assert.All(threads, name => Assert.Equal("test loop", name));
        Assert.Equal("test loop", queued);
        Assert.False(Thread.CurrentThread.Name == "test loop");
    }

    [Fact]
    public async Task Work_scheduled_after_the_scheduler_is_disposed_still_runs_on_the_thread_pool()
    {
        var scheduler = new DedicatedThreadScheduler("disposed loop");
        scheduler.Dispose();

        var onThePool = false;
        await scheduler.Start(() =>
        {
            onThePool = Thread.CurrentThread.IsThreadPoolThread;
            return Task.CompletedTask;
        });

        Assert.True(onThePool);
    }
}
