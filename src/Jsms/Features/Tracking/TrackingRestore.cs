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
public sealed class TrackingRestore(IServiceScopeFactory scopes, TrackingPipeline pipeline, TimeProvider clock, IOptions<TrackingOptions> options,
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

    /// <summary>Replays the recent observations; returns the number replayed.</summary>
    public async Task<int> RestoreAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JsmsDbContext>();
        var maxGap = TimeSpan.FromMinutes(options.Value.MaxGapMinutes);
        var longest = await db.Set<Site>().MaxAsync(s => (int?)s.LoiteringThresholdMinutes, cancellationToken) ?? 0;
        var window = TimeSpan.FromMinutes(longest) + maxGap;
        var since = now - window;
        var positions = await (from p in db.Set<Position>().AsNoTracking()
                               join d in db.Set<Device>() on p.DeviceId equals d.Id
                               where p.Time >= since && p.Time <= now
                               select new { p.Id, p.Time, p.Latitude, p.Longitude, d.UniqueId, d.Subject }).ToListAsync(cancellationToken);
        var sightings = await (from s in db.Set<Sighting>().AsNoTracking()
                               join n in db.Set<Sensor>() on s.SensorId equals n.Id
                               where s.Time >= since && s.Time <= now
                               select new { s.Id, s.Time, s.Latitude, s.Longitude, s.Subject, n.Code }).ToListAsync(cancellationToken);
        // The same observations as ingest makes of them (TrackingModule.StorePositionsAsync and Sightings).
        var observations = positions.Select(p => new Observation(TrackingModule.NormaliseSubject(string.IsNullOrWhiteSpace(p.Subject) ? p.UniqueId : p.Subject),
                p.Time, p.Latitude, p.Longitude, "position", p.Id, p.UniqueId))
            .Concat(sightings.Select(s => new Observation(s.Subject, s.Time, s.Latitude, s.Longitude, "sighting", s.Id, s.Code)))
            .ToList();
        if (observations.Count == 0)
        {
            return 0;
        }
        var earlier = since - window;
        var stored = (await db.Set<Alert>().AsNoTracking()
                .Where(a => a.RaisedAt >= earlier && (a.Kind == "loitering" || a.Kind == "site.leave"))
                .Select(a => new { a.Kind, a.SiteId, a.SubjectLabel, a.RaisedAt }).ToListAsync(cancellationToken))
            .ToLookup(a => (a.Kind, a.SiteId, a.SubjectLabel));
        var ids = await pipeline.RunAsync(engine =>
        {
            var detected = engine.Observe(observations);
            detected.AddRange(engine.AdvanceTo(now));
            return detected.Where(d => d.Site is not null && d.Kind switch
            {
                // One stay loiters once: a stay cut at the window's start must not loiter again.
                "loitering" => !stored[(d.Kind, d.Site.Id, Label(d.Subject))].Any(),
                // Only the clock's leave (no observation behind it) can be new.
                "site.leave" => d.Evidence.Count == 0 && !stored[(d.Kind, d.Site.Id, Label(d.Subject))].Any(a => a.RaisedAt == d.At),
                _ => false,
            }).ToList();
        }, cancellationToken);
        logger.LogInformation("Tracking engine restored from {Count} observations since {From:u}; {Alerts} alert(s) due during the downtime", observations.Count, since, ids.Count);
        return observations.Count;
    }

    private static string Label(string subject) => subject.Length > 128 ? subject[..128] : subject;
}
