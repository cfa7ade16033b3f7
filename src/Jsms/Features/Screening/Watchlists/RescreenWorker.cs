using Jsms.Features.Screening.Lists;
using Jsms.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Screening.Watchlists;

/// <summary>
/// Runs the queued rescreens of every watchlist in the background, one at a time. Queued runs are coalesced: the newest
/// is run against the newest lists and the older ones are marked as covered by it. At start it finds the work a stopped
/// process left: a run left running is recorded as failed and queued again, and a list version no run covers (stored,
/// never rescreened) is queued. A failure is written on the run with its reason.
/// </summary>
internal sealed class RescreenWorker(IServiceScopeFactory scopes, RescreenQueue queue, TimeProvider clock, ILogger<RescreenWorker> logger) : BackgroundService
{
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // The start-up check counts as work, so a test awaiting the queue idle also waits for it.
        queue.Signal();
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = false;
        while (await queue.Reader.WaitToReadAsync(stoppingToken))
        {
            var signals = 0;
            while (queue.Reader.TryRead(out _))
            {
                signals++;
            }
            try
            {
                if (!started)
                {
                    started = true;
                    await RecoverAsync(stoppingToken);
                }
                while (await RunNextAsync(stoppingToken))
                {
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The run itself records its failure; this is the bookkeeping around it failing (the database gone).
                logger.LogError(e, "The rescreen queue could not be processed");
            }
            finally
            {
                queue.Handled(signals);
            }
        }
    }

    /// <summary>Runs the newest queued run (marking the older queued ones covered by it); false when none was queued.</summary>
    private async Task<bool> RunNextAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JsmsDbContext>();
        var queued = await db.Set<RescreenRun>().Where(r => r.Status == RescreenRunStatus.Queued).ToListAsync(cancellationToken);
        if (queued.Count == 0)
        {
            return false;
        }
        queued = [.. queued.OrderBy(r => r.RequestedAt).ThenBy(r => r.Id)];
        var run = queued[^1];
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var older in queued.SkipLast(1))
        {
            older.Status = RescreenRunStatus.Coalesced;
            older.FinishedAt = now;
            older.Note = Clip($"Covered by the rescreen after {run.Trigger}, run against the newest lists.", 2000);
        }
        run.Status = RescreenRunStatus.Running;
        run.StartedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        try
        {
            await using var work = scopes.CreateAsyncScope();
            var outcome = await work.ServiceProvider.GetRequiredService<WatchlistRescreener>().RescreenAsync(null, null, run.Trigger, cancellationToken);
            (run.Status, run.Subjects, run.Matches, run.Alerts, run.Closed) = (RescreenRunStatus.Succeeded, outcome.Subjects, outcome.Matches, outcome.Alerts, outcome.Closed);
            logger.LogInformation("Rescreen after {Trigger}: {Subjects} subjects, {Matches} matches, {Alerts} alerts in {Seconds:0.0} s",
                run.Trigger, outcome.Subjects, outcome.Matches, outcome.Alerts, outcome.Seconds);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "The rescreen after {Trigger} failed", run.Trigger);
            run.Status = RescreenRunStatus.Failed;
            run.Note = Clip($"{e.GetType().Name}: {e.Message}", 2000);
        }
        run.FinishedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(CancellationToken.None);
        return true;
    }

    /// <summary>What a stopped process left: runs it was running, and a newest list version no run was queued for.</summary>
    private async Task RecoverAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JsmsDbContext>();
        await NationalLists.CarryOverAsync(db, clock, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var stopped in await db.Set<RescreenRun>().Where(r => r.Status == RescreenRunStatus.Running).ToListAsync(cancellationToken))
        {
            stopped.Status = RescreenRunStatus.Failed;
            stopped.FinishedAt = now;
            stopped.Note = "The process stopped during the rescreen; it was queued again at the next start.";
            db.Add(new RescreenRun
            {
                Id = Guid.CreateVersion7(), ListVersionId = stopped.ListVersionId, Trigger = stopped.Trigger, Status = RescreenRunStatus.Queued,
                RequestedAt = now,
            });
        }
        var newest = await db.Set<ScreeningListVersion>().AsNoTracking().OrderByDescending(v => v.ImportedAt).ThenByDescending(v => v.Id)
            .Select(v => new { v.Id, v.Source, v.Number, v.ImportedAt, v.NationalListId }).FirstOrDefaultAsync(cancellationToken);
        if (newest is not null && !await db.Set<RescreenRun>().AnyAsync(r => r.ListVersionId == newest.Id || r.RequestedAt > newest.ImportedAt, cancellationToken))
        {
            var name = newest.NationalListId is { } id ? await db.Set<NationalList>().Where(l => l.Id == id).Select(l => l.Name).FirstAsync(cancellationToken) : null;
            var label = (new ImportOutcome(newest.Id, newest.Source, newest.Number, 0, 0, 0, 0, false) { ListName = name }).Label;
            db.Add(new RescreenRun
            {
                Id = Guid.CreateVersion7(), ListVersionId = newest.Id, Trigger = Clip($"{label} (stored, never rescreened: found at start)", 300)!,
                Status = RescreenRunStatus.Queued, RequestedAt = now,
            });
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    internal static string? Clip(string? text, int max) => text is null || text.Length <= max ? text : text[..max];
}
