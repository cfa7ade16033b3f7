using System.Diagnostics;
using Jsms.Features.Alerts;
using Jsms.Features.Protection;
using Jsms.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jsms.Features.Tracking;

/// <summary>
/// Feeds stored observations and clock ticks to the one <see cref="TrackingEngine"/> (serialised by a gate),
/// stores the alerts it raises with the site's release marking, and publishes them to the alert stream.
/// Zones are reloaded from the sites table whenever <see cref="SiteChanges"/> moved, deployments whenever their source's
/// version moved (<see cref="IDeploymentWatchSource"/>).
/// </summary>
internal sealed class TrackingPipeline(IServiceScopeFactory scopes, SiteChanges changes, AlertBroadcaster broadcaster, TrackingCounters counters,
    WriteTurns turns, IOptions<TrackingOptions> options, ILogger<TrackingPipeline> logger, IEnumerable<IDeploymentWatchSource> deployments) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TrackingEngine _engine = new(TimeSpan.FromMinutes(options.Value.MaxGapMinutes), options.Value.ZoneTransitionAlerts)
    {
        DeviationFixes = Math.Max(1, options.Value.DeviationFixes),
        LeaveMarginMetres = Math.Max(0, options.Value.LeaveMarginMetres),
    };
    private int _loadedVersion = -1;
    private readonly IDeploymentWatchSource[] _deploymentSources = [.. deployments];
    private long _loadedDeployments = -1;

    public DateTime EngineNow => _engine.Now;

    public void Dispose() => _gate.Dispose();

    /// <summary>Runs stored observations through the engine; returns the ids of the alerts raised (already stored).</summary>
    public Task<List<Guid>> ProcessAsync(IReadOnlyList<Observation> observations, CancellationToken cancellationToken = default)
        => RunAsync(engine => engine.Observe(observations), cancellationToken);

    /// <summary>
    /// Runs several stored batches through the engine, one after the other in the given order (as if each had called
    /// <see cref="ProcessAsync"/>), under one turn of the gate, storing all their alerts in one save; returns the number
    /// of alerts each batch raised.
    /// </summary>
    public async Task<int[]> ProcessBatchesAsync(IReadOnlyList<IReadOnlyList<Observation>> batches, CancellationToken cancellationToken = default)
    {
        var counts = new int[batches.Count];
        await RunAsync(engine =>
        {
            var all = new List<DetectedAlert>();
            for (var i = 0; i < batches.Count; i++)
            {
                var detected = engine.Observe(batches[i]);
                counts[i] = detected.Count;
                all.AddRange(detected);
            }
            return all;
        }, cancellationToken);
        return counts;
    }

    /// <summary>Advances the engine to the given clock time (the timer); returns the ids of the alerts raised.</summary>
    public Task<List<Guid>> TickAsync(DateTime now, CancellationToken cancellationToken = default)
        => RunAsync(engine => engine.AdvanceTo(now), cancellationToken);

    internal async Task<List<Guid>> RunAsync(Func<TrackingEngine, List<DetectedAlert>> step, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            // Alerts are the system's doing, whichever request's report triggered them: run without the request's context.
            // On the current scheduler: the ingest writer's engine thread when it calls, the thread pool otherwise.
            Task<List<Guid>> work;
            using (ExecutionContext.SuppressFlow())
            {
                work = Task.Factory.StartNew(async () =>
                {
                    await EnsureSitesAsync(cancellationToken);
                    await EnsureDeploymentsAsync(cancellationToken);
                    return await StoreAsync(step(_engine), cancellationToken);
                }, cancellationToken, TaskCreationOptions.DenyChildAttach, TaskScheduler.Current).Unwrap();
            }
            var ids = await work;
            broadcaster.Publish(ids);
            return ids;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task EnsureSitesAsync(CancellationToken cancellationToken)
    {
        var version = changes.Version;
        if (version == _loadedVersion)
        {
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JsmsDbContext>();
        // The engine is the system: it watches every site, whoever may read it; alerts carry the site's marking.
        var sites = await db.Set<Site>().AsNoTracking().ToListAsync(cancellationToken);
        var zones = new List<SiteZone>();
        foreach (var s in sites)
        {
            if (s.Perimeter.IsEmpty || !s.Perimeter.IsValid)
            {
                logger.LogWarning("Site {Site} has an empty or invalid perimeter; not watched", s.Id);
                continue;
            }
            zones.Add(new SiteZone(s.Id, s.Name, s.Perimeter, s.WatchDistanceMetres, s.LoiteringThresholdMinutes, s.SecurityLevel,
                s.OwnerAgencyId, s.Tlp, s.CreatedByUserId));
        }
        _engine.LoadSites(zones);

        _engine.LoadRoutes(await MovementMonitor.WatchesAsync(scope.ServiceProvider, cancellationToken));
        _loadedVersion = version;
    }

    private async Task EnsureDeploymentsAsync(CancellationToken cancellationToken)
    {
        if (_deploymentSources.Length == 0)
        {
            return;
        }
        var version = _deploymentSources.Sum(s => s.Version);
        if (version == _loadedDeployments)
        {
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JsmsDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var watches = new List<DeploymentWatch>();
        foreach (var source in _deploymentSources)
        {
            watches.AddRange(await source.LoadAsync(db, now, cancellationToken));
        }
        _engine.LoadDeployments(watches);
        _loadedDeployments = version;
    }

    /// <summary>
    /// Stores the alerts through <see cref="AlertRaiser"/>: a site's alert with the site's marking, a movement's as
    /// need-to-know as the movement (RED, its named list and the owner's coordinators); each with its inputs (the site or
    /// movement, and every tracker and sensor whose observations it reveals).
    /// </summary>
    private async Task<List<Guid>> StoreAsync(List<DetectedAlert> detected, CancellationToken cancellationToken)
    {
        if (detected.Count == 0)
        {
            return [];
        }
        var started = Stopwatch.GetTimestamp();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JsmsDbContext>();
        var siteIds = detected.Where(d => d.Site is not null).Select(d => d.Site!.Id).Distinct().ToList();
        var movementIds = detected.Where(d => d.Route is not null).Select(d => d.Route!.Id).Distinct().ToList();
        var sources = detected.SelectMany(Sources).Distinct().ToList();
        var uniqueIds = sources.Where(s => s.Source == "position").Select(s => s.Via).ToList();
        var codes = sources.Where(s => s.Source == "sighting").Select(s => s.Via).ToList();
        var sites = siteIds.Count == 0 ? [] : await db.Set<Site>().AsNoTracking().Where(s => siteIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        var movements = movementIds.Count == 0 ? []
            : await db.Set<Movement>().AsNoTracking().Where(m => movementIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
        var devices = uniqueIds.Count == 0 ? []
            : await db.Set<Device>().AsNoTracking().Where(d => uniqueIds.Contains(d.UniqueId)).ToDictionaryAsync(d => d.UniqueId, StringComparer.Ordinal, cancellationToken);
        var sensors = codes.Count == 0 ? []
            : await db.Set<Sensor>().AsNoTracking().Where(s => codes.Contains(s.Code)).ToDictionaryAsync(s => s.Code, StringComparer.Ordinal, cancellationToken);
        var audiences = await AlertRaiser.AudienceOfAsync(db, [.. sites.Values], cancellationToken);
        var routeAudiences = await MovementMonitor.AudienceOfAsync(db, [.. movements.Values], cancellationToken);
        var ids = new List<Guid>();
        foreach (var d in detected)
        {
            // A record deleted since the engine loaded it: its alert would belong to nobody.
            var (anchor, audience) = d.Deployment is { } deployment
                ? (new AlertInput(deployment.Anchor, "consent"), deployment.Audience)
                : d.Route is { } route
                ? (movements.GetValueOrDefault(route.Id) is { } m ? (new AlertInput(m, "movement"), routeAudiences[m.Id]) : (null, null))
                : (sites.GetValueOrDefault(d.Site!.Id) is { } s ? (new AlertInput(s, "site"), audiences[s.Id]) : (null, null));
            if (anchor is null || audience is null)
            {
                continue;
            }
            var inputs = Sources(d).Select(source => source.Source == "position"
                    ? devices.GetValueOrDefault(source.Via) is { } device ? new AlertInput(device, "device") : null
                    : sensors.GetValueOrDefault(source.Via) is { } sensor ? new AlertInput(sensor, "sensor") : null)
                .OfType<AlertInput>().Prepend(anchor);
            var draft = new AlertDraft(d.Kind, d.Severity, d.Title, d.At)
            {
                Detail = d.Detail, SubjectLabel = d.Subject, Latitude = d.Latitude, Longitude = d.Longitude, Evidence = d.Evidence,
                SubjectType = d.Deployment is not null ? "consent" : d.Route is null ? "subject" : "movement", SubjectId = d.Deployment?.Id ?? d.Route?.Id,
                SiteId = d.Site?.Id,
            };
            ids.Add(db.Raise(draft, audience, inputs).Id);
        }
        // Queued behind at most the ingest writer's group in progress, not left to SQLite's busy handler (docs/decisions/0016).
        using (await turns.TakeAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        counters.AddAlerts(ids.Count);
        counters.RecordAlertSave(Stopwatch.GetElapsedTime(started));
        return ids;
    }

    /// <summary>The trackers and sensors an alert reveals: those of its evidence and of the stay behind it.</summary>
    private static IEnumerable<(string Source, string Via)> Sources(DetectedAlert d)
        => d.Evidence.Where(e => e is not null).Select(e => (e.Source, e.Via)).Concat(d.Sources);
}
