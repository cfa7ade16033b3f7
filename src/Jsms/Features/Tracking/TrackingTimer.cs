using Microsoft.Extensions.Options;

namespace Jsms.Features.Tracking;

/// <summary>The clock raises alerts, not only the next report: advances the engine to the current time every few seconds and checks movements under way.</summary>
internal sealed class TrackingTimer(TrackingPipeline pipeline, MovementMonitor movements, TimeProvider clock, IOptions<TrackingOptions> options, ILogger<TrackingTimer> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(0.05, options.Value.TickSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, clock, stoppingToken);
                var now = clock.GetUtcNow().UtcDateTime;
                await pipeline.TickAsync(now, stoppingToken);
                await movements.CheckAsync(now, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Advancing the tracking engine failed");
            }
        }
    }
}
