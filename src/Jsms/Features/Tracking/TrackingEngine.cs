namespace Jsms.Features.Tracking;

/// <summary>
/// Detection on event time (docs/decisions/0007-tracking-engine.md). The engine keeps the clock and hands each
/// observation to what watches it: stays in the sites' watch zones (<see cref="ZoneWatch"/>: enter, loitering, leave),
/// and for the positions of a movement's trackers its route corridor (<see cref="CorridorWatch"/>) and escort
/// (<see cref="EscortWatch"/>), and for the positions of a deployed team's trackers its consent (<see cref="DeploymentWatcher"/>).
/// State lives in memory, keyed by subject or tracker.
/// <para>
/// The engine's clock is the latest time it was given: by an observation (replay) or by <see cref="AdvanceTo"/>
/// (the timer, live); what the passing time raises is raised in event time, so a replay gives the same alerts as live.
/// Not thread-safe: the pipeline serialises calls.
/// </para>
/// </summary>
internal sealed class TrackingEngine(TimeSpan maxGap, bool zoneTransitionAlerts = true)
{
    /// <summary>The most observations one stay or separation keeps as evidence.</summary>
    internal const int MaxEvidence = 200;

    private readonly ZoneWatch _zones = new(maxGap, zoneTransitionAlerts);
    private readonly CorridorWatch _corridors = new();
    private readonly EscortWatch _escorts = new(maxGap);
    private readonly DeploymentWatcher _deployments = new();
    private Dictionary<string, List<RouteWatch>> _routesByTracker = [];

    public TimeSpan MaxGap { get; } = maxGap;

    /// <inheritdoc cref="CorridorWatch.DeviationFixes"/>
    public int DeviationFixes { get => _corridors.DeviationFixes; init => _corridors.DeviationFixes = value; }

    /// <inheritdoc cref="ZoneWatch.LeaveMarginMetres"/>
    public double LeaveMarginMetres { get => _zones.LeaveMarginMetres; init => _zones.LeaveMarginMetres = value; }

    /// <summary>Back on route, or with the escort, only inside this fraction of the corridor or escort distance (the hysteresis band).</summary>
    public double RejoinFraction
    {
        get => _corridors.RejoinFraction;
        init => (_corridors.RejoinFraction, _escorts.RejoinFraction) = (value, value);
    }

    /// <summary>The latest event time or clock time the engine has been advanced to.</summary>
    public DateTime Now { get; private set; } = DateTime.MinValue;

    public int OpenSessions => _zones.OpenStays;

    public IReadOnlyCollection<SiteZone> Sites => _zones.Sites;

    /// <summary>Replaces the zones; stays at sites that are gone are dropped, the others continue.</summary>
    public void LoadSites(IEnumerable<SiteZone> sites) => _zones.LoadSites(sites);

    /// <summary>Replaces the routes watched; the deviation and separation state of movements still watched is kept.</summary>
    public void LoadRoutes(IEnumerable<RouteWatch> routes)
    {
        var list = routes.ToList();
        _routesByTracker = list.SelectMany(r => r.Trackers.Select(t => (t, r))).GroupBy(x => x.t).ToDictionary(g => g.Key, g => g.Select(x => x.r).ToList());
        var ids = list.Select(r => r.Id).ToHashSet();
        _corridors.Keep(ids);
        _escorts.Keep(ids, _routesByTracker.Keys.ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>Replaces the deployments watched against their consents; the episodes of those still watched are kept.</summary>
    public void LoadDeployments(IEnumerable<DeploymentWatch> deployments) => _deployments.Load(deployments);

    /// <summary>Processes observations in event-time order; returns the alerts they (and the time they advance) raise.</summary>
    public List<DetectedAlert> Observe(IEnumerable<Observation> observations)
    {
        var alerts = new List<DetectedAlert>();
        var behind = false;
        foreach (var o in InEventOrder(observations))
        {
            if (o.Time > Now)
            {
                Now = o.Time;
            }
            else
            {
                // An imported track (or a late batch) behind the clock: its own stays still close and fire in event time.
                behind = true;
            }
            _zones.Drain(o.Time, alerts);
            _deployments.Drain(o.Time, alerts);
            var nearZone = _zones.Locate(o);
            List<RouteWatch>? routes = null;
            var onRoute = o.Source == "position" && _routesByTracker.TryGetValue(o.Via, out routes);
            var deployed = o.Source == "position" && _deployments.Watches(o.Via);
            if (!nearZone && !onRoute && !deployed)
            {
                continue; // nowhere near a watched place: nothing to keep
            }
            var item = new EvidenceItem(o.Source, o.RecordId, o.Time, o.Latitude, o.Longitude, o.Via);
            if (onRoute)
            {
                _escorts.Observe(o, item, routes!, alerts);
                _corridors.Observe(o, item, routes!, alerts);
            }
            if (nearZone)
            {
                _zones.Observe(o, item, alerts);
            }
            if (deployed)
            {
                _deployments.Observe(o, item, alerts);
            }
        }
        if (behind)
        {
            _zones.Drain(Now, alerts);
            _deployments.Drain(Now, alerts);
        }
        return alerts;
    }

    /// <summary>Observations in event time order (then stored order); a batch that is already in order is not sorted again.</summary>
    private static IEnumerable<Observation> InEventOrder(IEnumerable<Observation> observations)
    {
        var list = observations as IReadOnlyList<Observation> ?? observations.ToList();
        for (var i = 1; i < list.Count; i++)
        {
            var (a, b) = (list[i - 1], list[i]);
            if (a.Time > b.Time || (a.Time == b.Time && a.RecordId > b.RecordId))
            {
                return list.OrderBy(o => o.Time).ThenBy(o => o.RecordId);
            }
        }
        return list;
    }

    /// <summary>Moves the engine clock forward (never back) and raises what the passing time raises: loitering, gaps.</summary>
    public List<DetectedAlert> AdvanceTo(DateTime now)
    {
        var alerts = new List<DetectedAlert>();
        if (now <= Now)
        {
            return alerts;
        }
        Now = now;
        _zones.Drain(now, alerts);
        _deployments.Drain(now, alerts);
        return alerts;
    }
}
