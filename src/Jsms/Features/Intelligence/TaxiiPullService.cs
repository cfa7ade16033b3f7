using Jsms.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jsms.Features.Intelligence;

/// <summary>Pulls every enabled source whose interval has passed; wakes every <see cref="IntelligenceOptions.PullCheckSeconds"/>.</summary>
internal sealed class TaxiiPullService(IServiceScopeFactory scopes, TimeProvider clock, IOptions<IntelligenceOptions> options,
    ILogger<TaxiiPullService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(Math.Max(1, options.Value.PullCheckSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(delay, clock, stoppingToken);
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<JsmsDbContext>();
                var now = clock.GetUtcNow().UtcDateTime;
                var sources = await db.Set<TaxiiSource>().AsNoTracking().Where(s => s.Enabled)
                    .Select(s => new { s.Id, s.IntervalMinutes, s.LastAttemptAt, s.Direction }).ToListAsync(stoppingToken);
                foreach (var s in sources.Where(s => s.LastAttemptAt is null || s.LastAttemptAt.Value.AddMinutes(s.IntervalMinutes) <= now))
                {
                    try
                    {
                        await using var pullScope = scopes.CreateAsyncScope();
                        if (s.Direction == TaxiiDirection.Push)
                        {
                            await pullScope.ServiceProvider.GetRequiredService<TaxiiPusher>().PushAsync(s.Id, stoppingToken);
                        }
                        else
                        {
                            await pullScope.ServiceProvider.GetRequiredService<TaxiiPuller>().PullAsync(s.Id, stoppingToken);
                        }
                    }
                    catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                    {
                        // Remote failures are recorded on the source by the puller; this is anything else (e.g. the database).
                        logger.LogError(e, "Pulling TAXII source {Source} failed", s.Id);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Like the urgent-channel monitor: the schedule must survive a failing check (a stopped host would be worse).
                logger.LogError(e, "The TAXII pull schedule failed; next check in {Delay}", delay);
            }
        }
    }
}
