namespace Jsms.Tests.Infrastructure;

/// <summary>
/// A clock the test moves by hand (the time-testing package is not available here). Its timers
/// (<see cref="CreateTimer"/>, hence the delays and timeouts given this clock)
/// fire only when <see cref="Advance"/> or <see cref="Set"/> moves the clock to or past their due time: background work
/// driven by the app's <see cref="TimeProvider"/> runs when the test says so, never on real time. As a real timer's, each
/// callback runs on a thread-pool thread of its own: two background loops woken by one move run side by side, as in
/// production, and neither runs on the test's thread (whose next step it may be waiting for). A test waits for their
/// outcome with <see cref="Eventually"/>.
/// </summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly HashSet<ClockTimer> _armed = [];
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    /// <summary>Moves the clock forward, then starts the callback of every timer now due (each once; periodic ones re-armed).</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        lock (_gate)
        {
            _now += by;
        }
        FireDue();
    }

    /// <summary>Sets the clock (a step back fires nothing), then starts the callback of every timer now due.</summary>
    public void Set(DateTimeOffset to)
    {
        lock (_gate)
        {
            _now = to;
        }
        FireDue();
    }

    /// <summary>Timers waiting for the clock (armed and not disposed).</summary>
    public int PendingTimers
    {
        get
        {
            lock (_gate)
            {
                return _armed.Count;
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new ClockTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private bool Change(ClockTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime < TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(dueTime));
        }
        if (period < TimeSpan.Zero && period != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(period));
        }
        bool dueNow;
        lock (_gate)
        {
            if (timer.Disposed)
            {
                return false;
            }
            timer.Period = period == Timeout.InfiniteTimeSpan ? TimeSpan.Zero : period;
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                _armed.Remove(timer);
                return true;
            }
            timer.DueAt = _now + dueTime;
            _armed.Add(timer);
            dueNow = dueTime == TimeSpan.Zero;
        }
        if (dueNow)
        {
            FireDue();
        }
        return true;
    }

    private void Dispose(ClockTimer timer)
    {
        lock (_gate)
        {
            timer.Disposed = true;
            _armed.Remove(timer);
        }
    }

    /// <summary>Starts due timers' callbacks, earliest first, outside the lock (a callback may create or change timers).</summary>
    private void FireDue()
    {
        while (true)
        {
            ClockTimer? due = null;
            lock (_gate)
            {
                foreach (var timer in _armed)
                {
                    if (timer.DueAt <= _now && (due is null || timer.DueAt < due.DueAt))
                    {
                        due = timer;
                    }
                }
                if (due is null)
                {
                    return;
                }
                if (due.Period > TimeSpan.Zero)
                {
                    // Ticks missed by a jump of the clock coalesce into this one, as a busy real timer's do.
                    var next = due.DueAt + due.Period;
                    due.DueAt = next > _now ? next : _now + due.Period;
                }
                else
                {
                    _armed.Remove(due);
                }
            }
            ThreadPool.UnsafeQueueUserWorkItem(static t => t.Callback(t.State), due, preferLocal: false);
        }
    }

    private sealed class ClockTimer(TestClock clock, TimerCallback callback, object? state) : ITimer
    {
        public TimerCallback Callback { get; } = callback;

        public object? State { get; } = state;

        // Guarded by the clock's lock.
        public DateTimeOffset DueAt { get; set; }

        public TimeSpan Period { get; set; }

        public bool Disposed { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period) => clock.Change(this, dueTime, period);

        public void Dispose() => clock.Dispose(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
