using Jsms.Features.Alerts;
using Jsms.Features.Protection;
using Jsms.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jsms.Features.Tracking;

/// <summary>
/// Rebuilds the engine's open stays and movement state after a restart, before the server takes requests: the stored
/// positions and sightings of the last (longest loitering threshold + maximum gap) are replayed through the engine, then
/// the engine is advanced to the clock. A stay that was 20 minutes old at the restart is still 20 minutes old after it,
/// so a loitering truck is caught. Alerts the replay raises again are not stored twice: while the server was down no
/// observation arrived, so only what the clock raises can be new (a loitering threshold or a gap that ran out during
/// the downtime); those are kept unless already stored, the rest was raised before the restart.
/// </summary>
internal sealed class TrackingRestore(IServiceScopeFactory scopes, TrackingPipeline pipeline, TimeProvider clock, IOptions<TrackingOptions> options,
    IOptions<MovementWatchOptions> watch, ILogger<TrackingRestore> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!watch.Value.RestoreOnStart)
        {
            return;
        }
        try
        {
            await RestoreAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Detection starts empty rather than the server not starting.
            logger.LogError(e, "Restoring the tracking engine's state failed; it starts empty");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Slices fed to the engine: the window is streamed in time order, never held whole.</summary>
    private const int Slice = 20_000;

    /// <summary>Replays the recent observations in event-time order; returns the number replayed.</summary>
    public async Task<int> RestoreAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // Positions and sightings are read as two ordered streams (one context each: one open reader per connection) and merged.
        await using var positionScope = scopes.CreateAsyncScope();
        await using var sightingScope = scopes.CreateAsyncScope();
        var db = positionScope.ServiceProvider.GetRequiredService<JsmsDbContext>();
        var maxGap = TimeSpan.FromMinutes(options.Value.MaxGapMinutes);
        var longest = await db.Set<Site>().MaxAsync(s => (int?)s.LoiteringThresholdMinutes, cancellationToken) ?? 0;
        var window = TimeSpan.FromMinutes(longest) + maxGap;
        var since = now - window;
        var earlier = since - window;
        var stored = (await db.Set<Alert>().AsNoTracking()
                .Where(a => a.RaisedAt >= earlier && (a.Kind == "loitering" || a.Kind == "site.leave"))
                .Select(a => new { a.Kind, a.SiteId, a.SubjectLabel, a.RaisedAt }).ToListAsync(cancellationToken))
            .ToLookup(a => (a.Kind, a.SiteId, a.SubjectLabel));
        bool New(DetectedAlert d) => d.Site is not null && d.Kind switch
        {
            // One stay loiters once: a stay cut at the window's start must not loiter again.
            "loitering" => !stored[(d.Kind, d.Site.Id, Label(d.Subject))].Any(),
            // Only the clock's leave (no observation behind it) can be new.
            "site.leave" => d.Evidence.Count == 0 && !stored[(d.Kind, d.Site.Id, Label(d.Subject))].Any(a => a.RaisedAt == d.At),
            _ => false,
        };

        // The same observations as ingest makes of them (IngestWriter.StorePositionsAsync and IngestEndpoints.Sightings).
        var positions = (from p in db.Set<Position>().AsNoTracking()
                         join d in db.Set<Device>() on p.DeviceId equals d.Id
                         where p.Time >= since && p.Time <= now
                         orderby p.Time, p.Id
                         select new { p.Id, p.Time, p.Latitude, p.Longitude, d.UniqueId, d.Subject }).AsAsyncEnumerable()
            .Select(p => new Observation(TrackingModule.NormaliseSubject(string.IsNullOrWhiteSpace(p.Subject) ? p.UniqueId : p.Subject),
                p.Time, p.Latitude, p.Longitude, "position", p.Id, p.UniqueId));
        var sightingDb = sightingScope.ServiceProvider.GetRequiredService<JsmsDbContext>();
        var sightings = (from s in sightingDb.Set<Sighting>().AsNoTracking()
                         join n in sightingDb.Set<Sensor>() on s.SensorId equals n.Id
                         where s.Time >= since && s.Time <= now
                         orderby s.Time, s.Id
                         select new { s.Id, s.Time, s.Latitude, s.Longitude, s.Subject, n.Code }).AsAsyncEnumerable()
            .Select(s => new Observation(s.Subject, s.Time, s.Latitude, s.Longitude, "sighting", s.Id, s.Code));

        var count = 0;
        var raised = 0;
        var batch = new List<Observation>(Slice);
        await using var nextPosition = positions.GetAsyncEnumerator(cancellationToken);
        await using var nextSighting = sightings.GetAsyncEnumerator(cancellationToken);
        bool hasP = await nextPosition.MoveNextAsync(), hasS = await nextSighting.MoveNextAsync();
        while (hasP || hasS)
        {
            if (hasP && (!hasS || nextPosition.Current.Time <= nextSighting.Current.Time))
            {
                batch.Add(nextPosition.Current);
                hasP = await nextPosition.MoveNextAsync();
            }
            else
            {
                batch.Add(nextSighting.Current);
                hasS = await nextSighting.MoveNextAsync();
            }
            if (batch.Count == Slice)
            {
                var slice = batch;
                raised += (await pipeline.RunAsync(engine => engine.Observe(slice).Where(New).ToList(), cancellationToken)).Count;
                count += slice.Count;
                batch = new List<Observation>(Slice);
            }
        }
        var last = batch;
        raised += (await pipeline.RunAsync(engine =>
        {
            var detected = engine.Observe(last);
            detected.AddRange(engine.AdvanceTo(now));
            return detected.Where(New).ToList();
        }, cancellationToken)).Count;
        count += last.Count;
        logger.LogInformation("Tracking engine restored from {Count} observations since {From:u}; {Alerts} alert(s) due during the downtime", count, since, raised);
        return count;
    }

    private static string Label(string subject) => subject.Length > 128 ? subject[..128] : subject;
}
