using System.Threading.Channels;

namespace Jsms.Features.Screening.Watchlists;

/// <summary>
/// Wakes the <see cref="RescreenWorker"/>: an import signals after storing its queued <see cref="RescreenRun"/>. The runs
/// themselves are rows (they survive a restart); the channel only says "look". A singleton of the application's
/// container, like <see cref="RescreenGate"/>, so two applications in one process (the tests) keep separate queues.
/// </summary>
internal sealed class RescreenQueue
{
    private readonly Channel<bool> _signals = Channel.CreateUnbounded<bool>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _lock = new();
    private int _pending;
    private TaskCompletionSource? _idle;

    internal ChannelReader<bool> Reader => _signals.Reader;

    /// <summary>Asks the worker to run what is queued.</summary>
    public void Signal()
    {
        lock (_lock)
        {
            _pending++;
        }
        _signals.Writer.TryWrite(true);
    }

    /// <summary>Completes when every signal given so far has been handled (the tests await this instead of sleeping).</summary>
    public Task WhenIdleAsync()
    {
        lock (_lock)
        {
            if (_pending == 0)
            {
                return Task.CompletedTask;
            }
            _idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _idle.Task;
        }
    }

    /// <summary>The worker handled <paramref name="signals"/> signals.</summary>
    internal void Handled(int signals)
    {
        TaskCompletionSource? idle = null;
        lock (_lock)
        {
            _pending -= signals;
            if (_pending == 0)
            {
                (idle, _idle) = (_idle, null);
            }
        }
        idle?.TrySetResult();
    }
}
