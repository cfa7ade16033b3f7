namespace Jsms.Platform.Background;

/// <summary>
/// A check the clock runs every <see cref="Interval"/> (deadline monitors): it logs what it raised, backs off
/// (doubling, at most ten minutes) after a failure, and treats cancellation as a normal exit.
/// </summary>
internal abstract class PeriodicCheck(TimeProvider clock, ILogger logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(10);

    /// <summary>The injected clock (tests move it by hand).</summary>
    protected TimeProvider Clock { get; } = clock;

    /// <summary>Time between two checks when all goes well.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>What is checked, for the log (e.g. "unacknowledged urgent messages").</summary>
    protected abstract string Subject { get; }

    /// <summary>One check; returns how many alerts it raised.</summary>
    protected abstract Task<int> CheckAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = Interval;
        var delay = interval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(delay, Clock, stoppingToken);
                var raised = await CheckAsync(stoppingToken);
                if (raised > 0)
                {
                    logger.LogInformation("Raised {Count} alert(s) for {Subject}", raised, Subject);
                }
                delay = interval;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                delay = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, Math.Max(delay.Ticks, interval.Ticks) * 2));
                logger.LogError(exception, "Checking {Subject} failed; next try in {Delay}", Subject, delay);
            }
        }
    }
}
