using Jsms.Features.Screening.Lists;
using Jsms.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Screening.Watchlists;

/// <summary>
/// After an import stored a new version, queues a rescreen of every watchlist (a <see cref="RescreenRun"/> row) and wakes
/// the <see cref="RescreenWorker"/>: the import answers without waiting for the rescreen.
/// </summary>
internal sealed class RescreenScheduler(JsmsDbContext db, RescreenQueue queue, TimeProvider clock, ILogger<RescreenScheduler> logger) : IListImportObserver
{
    public async Task ListImportedAsync(ImportOutcome outcome, CancellationToken cancellationToken)
    {
        var run = new RescreenRun
        {
            Id = Guid.CreateVersion7(),
            ListVersionId = outcome.VersionId,
            Trigger = RescreenWorker.Clip(outcome.Label, 300)!,
            Status = RescreenRunStatus.Queued,
            RequestedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(run);
        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException)
        {
            // The import is committed: its answer must not fail because the run could not be written now. The worker
            // queues a run for a version no run covers at the next start.
            logger.LogError(e, "The rescreen after {Trigger} could not be queued", run.Trigger);
            db.Entry(run).State = EntityState.Detached;
            return;
        }
        queue.Signal();
    }
}
