using System.Threading.Channels;
using Jsms.Platform.Audit;
using Jsms.Platform.Database;
using Jsms.Platform.Partners;
using Microsoft.EntityFrameworkCore;

namespace Jsms.Features.Screening;

/// <summary>
/// Stores screenings in groups. A request hands its record and audit detail to a bounded channel and waits; one writer
/// drains whatever has queued (up to <see cref="MaxGroup"/>) and inserts those records with their audit entries in one
/// transaction: one audit lock, one read of the chain head, one commit for the group instead of one per screening. The
/// request answers only after its record is committed, so a screening is never reported and lost. ADR 0026.
/// </summary>
internal sealed class ScreeningWriter(IServiceScopeFactory scopes, ILogger<ScreeningWriter> logger) : BackgroundService
{
    /// <summary>Records per transaction: large enough to absorb a burst, small enough to keep one commit short.</summary>
    public const int MaxGroup = 256;

    // Bounded so a database slower than the requests holds the requests back instead of growing memory.
    private readonly Channel<PendingScreening> _queue = Channel.CreateBounded<PendingScreening>(
        new BoundedChannelOptions(4 * MaxGroup) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private volatile bool _running;

    /// <summary>
    /// Queues the screening and waits until it is committed. False when the writer is not running (a tool that builds
    /// the app without starting it, or an app shutting down): the caller then saves the record itself.
    /// </summary>
    public async Task<bool> TryStoreAsync(PendingScreening pending, CancellationToken cancellationToken)
    {
        if (!_running)
        {
            return false;
        }
        try
        {
            await _queue.Writer.WriteAsync(pending, cancellationToken);
        }
        catch (ChannelClosedException)
        {
            return false;
        }
        // Not cancellable once queued: the record is written whether or not the caller still waits.
        await pending.Stored.Task;
        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _running = true;
        var group = new List<PendingScreening>(MaxGroup);
        // Drains until the channel is completed (StopAsync), so what was queued before the stop is still written.
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (group.Count < MaxGroup && _queue.Reader.TryRead(out var pending))
            {
                group.Add(pending);
            }
            await WriteAsync(group);
            group.Clear();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _running = false;
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    private async Task WriteAsync(List<PendingScreening> group)
    {
        try
        {
            await SaveAsync(group);
            group.ForEach(p => p.Stored.TrySetResult());
        }
        catch (Exception e) when (group.Count > 1)
        {
            // One bad record must not fail the others: write them one by one, each failing alone.
            logger.LogWarning(e, "A group of {Count} screenings failed to save; saving them one by one.", group.Count);
            foreach (var pending in group)
            {
                await WriteAsync([pending]);
            }
        }
        catch (Exception e)
        {
            group.ForEach(p => p.Stored.TrySetException(e));
        }
    }

    /// <summary>
    /// The group's records go straight into their table past the change tracker (<see cref="JsmsDbContext.InsertReleasableInBulkAsync{T}"/>),
    /// chained onto the audit log with one <c>screen</c> entry each, in one transaction. A screening record is not
    /// <c>IAudited</c> and these records have no release grants, so the entries are exactly those a save would write.
    /// The owner agencies' codes, which each answer names, are read once for the group.
    /// </summary>
    private async Task SaveAsync(List<PendingScreening> group)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JsmsDbContext>();
        var agencyIds = group.Select(p => p.Record.OwnerAgencyId).Distinct().ToList();
        var codes = await db.Set<Agency>().AsNoTracking().Where(a => agencyIds.Contains(a.Id)).Select(a => new { a.Id, a.Code })
            .ToDictionaryAsync(a => a.Id, a => a.Code);
        var records = new List<ScreeningRecord>(group.Count);
        foreach (var pending in group)
        {
            records.Add(pending.Record);
            db.AuditAs(pending.Actor, "screen", nameof(ScreeningRecord), pending.Record.Id, pending.Detail);
            pending.OwnerCode = codes.GetValueOrDefault(pending.Record.OwnerAgencyId);
        }
        await db.InsertReleasableInBulkAsync(records, [], []);
    }
}
