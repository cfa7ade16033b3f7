using Jsms.Features.Access;
using Jsms.Features.Alerts;
using Jsms.Features.Protection;
using NetTopologySuite.Geometries;

namespace Jsms.Features.Tracking;

/// <summary>
/// Detection on event time (docs/decisions/0007-tracking-engine.md). State lives in memory, keyed by subject:
/// one dwell session per (subject, site) while the subject keeps being observed in the site's watch zone with no
/// gap longer than <see cref="MaxGap"/>. A session raises "site.enter" when it opens, "loitering" once when it has
/// lasted the site's threshold, and "site.leave" when the subject is observed outside or the gap runs out.
/// <para>
/// The engine's clock is the latest time it was given: by an observation (replay) or by <see cref="AdvanceTo"/>
/// (the timer, live). A loitering alert is raised at the moment the threshold passed, Start + threshold, as long
/// as the session was still open then (Start + threshold &lt;= Last + MaxGap), by whichever of the two first moved the
/// clock strictly past it (an observation exactly at that moment still counts as evidence), so a replay gives the same alerts as live. Not thread-safe: the pipeline serialises calls.
/// </para>
/// </summary>
internal sealed class TrackingEngine(TimeSpan maxGap, bool zoneTransitionAlerts = true)
{
    private const int MaxEvidence = 200;

    private readonly Dictionary<(string Subject, Guid Site), Session> _sessions = [];
    private readonly PriorityQueue<(string Subject, Guid Site), DateTime> _deadlines = new();
    // Open sessions by subject, so an observation finds its subject's stays without scanning all of them.
    private readonly Dictionary<string, HashSet<Guid>> _sitesBySubject = new(StringComparer.Ordinal);

    private void AddSession((string Subject, Guid Site) key, Session session)
    {
        _sessions[key] = session;
        if (!_sitesBySubject.TryGetValue(key.Subject, out var sites))
        {
            sites = [];
            _sitesBySubject[key.Subject] = sites;
        }
        sites.Add(key.Site);
    }

    private void RemoveSession((string Subject, Guid Site) key)
    {
        _sessions.Remove(key);
        if (_sitesBySubject.TryGetValue(key.Subject, out var sites) && sites.Remove(key.Site) && sites.Count == 0)
        {
            _sitesBySubject.Remove(key.Subject);
        }
    }
    private Dictionary<Guid, SiteZone> _sites = [];
    private ZoneGrid _grid = new([]);
    // Reused by Observe (the engine is single-threaded): no allocation per observation for the zone lookup.
    private readonly List<SiteZone> _candidates = [];
    private readonly List<Guid> _inside = [];
    private readonly List<Guid> _left = [];

    public TimeSpan MaxGap { get; } = maxGap;

    /// <summary>Consecutive positions outside the corridor before a deviation is declared (GPS noise does not flap).</summary>
    public int DeviationFixes { get; init; } = 3;

    /// <summary>
    /// Hysteresis of the watch zone: a subject in a stay has left only when observed further than this beyond the watch
    /// distance, so GPS noise on the zone's edge does not raise a stream of enter/leave pairs. An observation in the band
    /// neither extends the stay nor ends it (the gap clock runs on).
    /// </summary>
    public double LeaveMarginMetres { get; init; } = 30;

    /// <summary>Back on route only inside this fraction of the corridor (the hysteresis band).</summary>
    public double RejoinFraction { get; init; } = 0.8;

    private Dictionary<string, List<RouteWatch>> _routesByTracker = [];
    private readonly Dictionary<(Guid Movement, string Tracker), Deviation> _deviations = [];

    /// <summary>Replaces the routes watched; the deviation state of movements still watched is kept.</summary>
    public void LoadRoutes(IEnumerable<RouteWatch> routes)
    {
        var list = routes.ToList();
        _routesByTracker = list.SelectMany(r => r.Trackers.Select(t => (t, r))).GroupBy(x => x.t).ToDictionary(g => g.Key, g => g.Select(x => x.r).ToList());
        var ids = list.Select(r => r.Id).ToHashSet();
        foreach (var key in _deviations.Keys.Where(k => !ids.Contains(k.Movement)).ToList())
        {
            _deviations.Remove(key);
        }
        foreach (var key in _separations.Keys.Where(k => !ids.Contains(k.Movement)).ToList())
        {
            _separations.Remove(key);
        }
        var trackers = _routesByTracker.Keys.ToHashSet(StringComparer.Ordinal);
        foreach (var tracker in _lastFixes.Keys.Where(t => !trackers.Contains(t)).ToList())
        {
            _lastFixes.Remove(tracker);
        }
    }

    // ---------------- escort separation ----------------

    private readonly Dictionary<string, TrackerFix> _lastFixes = new(StringComparer.Ordinal);
    private readonly Dictionary<(Guid Movement, string Vehicle), Separation> _separations = [];

    private sealed record TrackerFix(EvidenceItem Item, double? SpeedMetresPerSecond);

    private sealed class Separation
    {
        public bool Separated { get; set; }
        public DateTime? Since { get; set; }
        public List<EvidenceItem> Evidence { get; } = [];
    }

    /// <summary>
    /// A principal's vehicle whose nearest escort tracker (by its latest fix, no older than the maximum gap) is further
    /// than the movement's escort distance, while the vehicle moves, for N consecutive fixes or a time: <c>escort.separated</c>
    /// (High), once; back within 80 % of the distance: <c>escort.rejoined</c> (Info). Evaluated on the vehicle's own fixes.
    /// </summary>
    private void CheckEscort(Observation o, EvidenceItem item, List<RouteWatch> routes, List<DetectedAlert> alerts)
    {
        _lastFixes.TryGetValue(o.Via, out var previous);
        double? speed = null;
        if (previous is not null && o.Time > previous.Item.Time && o.Time - previous.Item.Time <= MaxGap)
        {
            speed = Geo.HaversineMetres(previous.Item.Latitude, previous.Item.Longitude, o.Latitude, o.Longitude)
                / (o.Time - previous.Item.Time).TotalSeconds;
        }
        if (previous is null || o.Time >= previous.Item.Time)
        {
            _lastFixes[o.Via] = new TrackerFix(item, speed);
        }
        else
        {
            return; // a late fix: the separation was judged on the newer one
        }
        foreach (var route in routes)
        {
            if (route.EscortMetres <= 0 || route.Escort.Count == 0 || !route.Vehicles.Contains(o.Via))
            {
                continue;
            }
            EvidenceItem? nearest = null;
            var distance = double.MaxValue;
            foreach (var escort in route.Escort)
            {
                if (escort != o.Via && _lastFixes.TryGetValue(escort, out var fix) && (o.Time - fix.Item.Time).Duration() <= MaxGap)
                {
                    var d = Geo.HaversineMetres(o.Latitude, o.Longitude, fix.Item.Latitude, fix.Item.Longitude);
                    if (d < distance)
                    {
                        (distance, nearest) = (d, fix.Item);
                    }
                }
            }
            if (nearest is null)
            {
                continue; // no recent escort fix: the silent-tracker check speaks for that
            }
            var key = (route.Id, o.Via);
            if (!_separations.TryGetValue(key, out var state))
            {
                state = new Separation();
                _separations[key] = state;
            }
            if (state.Separated)
            {
                if (distance <= route.EscortMetres * RejoinFraction)
                {
                    state.Separated = false;
                    alerts.Add(new DetectedAlert("escort.rejoined", AlertSeverity.Info, $"Escort rejoined: {o.Via} ({route.Name})",
                        $"Vehicle {o.Via} of movement {route.Name} is back within {distance:0} m of its escort ({nearest.Via}).",
                        o.Via, null, o.Time, o.Latitude, o.Longitude, [item, nearest], route));
                }
                continue;
            }
            if (distance <= route.EscortMetres)
            {
                state.Since = null;
                state.Evidence.Clear();
                continue;
            }
            if (speed is not { } v || v < route.MovingMetresPerSecond)
            {
                continue; // stopped (or speed unknown): separation while standing is not counted, nor is it forgiven
            }
            state.Since ??= o.Time;
            if (state.Evidence.Count < MaxEvidence)
            {
                state.Evidence.Add(item);
            }
            if (state.Evidence.Count >= route.EscortFixes || o.Time - state.Since.Value >= route.EscortTime)
            {
                state.Separated = true;
                alerts.Add(new DetectedAlert("escort.separated", AlertSeverity.High, $"Escort separated: {o.Via} ({route.Name})",
                    $"Vehicle {o.Via} of movement {route.Name} has been moving {distance:0} m from its nearest escort ({nearest.Via}), more than "
                    + $"{route.EscortMetres:0} m, since {state.Since.Value:u} ({state.Evidence.Count} fixes).", o.Via, null, o.Time, o.Latitude,
                    o.Longitude, [.. state.Evidence, nearest], route));
                state.Since = null;
                state.Evidence.Clear();
            }
        }
    }

    private void CheckRoutes(Observation o, EvidenceItem item, List<DetectedAlert> alerts)
    {
        if (o.Source != "position" || !_routesByTracker.TryGetValue(o.Via, out var routes))
        {
            return;
        }
        CheckEscort(o, item, routes, alerts);
        foreach (var route in routes.Where(r => r.HasRoute))
        {
            var key = (route.Id, o.Via);
            if (!_deviations.TryGetValue(key, out var state))
            {
                state = new Deviation();
                _deviations[key] = state;
            }
            var distance = route.DistanceMetres(o.Latitude, o.Longitude);
            if (!state.Off)
            {
                if (distance <= route.CorridorMetres)
                {
                    state.Outside.Clear();
                    continue;
                }
                state.Outside.Add(item);
                if (state.Outside.Count >= DeviationFixes)
                {
                    state.Off = true;
                    alerts.Add(new DetectedAlert("route.deviation", AlertSeverity.High, $"Route deviation: {o.Via} ({route.Name})",
                        $"Tracker {o.Via} of movement {route.Name} has been outside its {route.CorridorMetres:0} m corridor for {state.Outside.Count} "
                        + $"consecutive positions; now {distance:0} m from the planned route.", o.Via, null, o.Time, o.Latitude, o.Longitude,
                        [.. state.Outside], route));
                    state.Outside.Clear();
                }
            }
            else if (distance <= route.CorridorMetres * RejoinFraction)
            {
                state.Off = false;
                alerts.Add(new DetectedAlert("route.rejoined", AlertSeverity.Info, $"Back on route: {o.Via} ({route.Name})",
                    $"Tracker {o.Via} of movement {route.Name} is back within {route.CorridorMetres * RejoinFraction:0} m of the planned route.",
                    o.Via, null, o.Time, o.Latitude, o.Longitude, [item], route));
            }
        }
    }

    private sealed class Deviation
    {
        public bool Off { get; set; }
        public List<EvidenceItem> Outside { get; } = [];
    }

    /// <summary>The latest event time or clock time the engine has been advanced to.</summary>
    public DateTime Now { get; private set; } = DateTime.MinValue;

    public int OpenSessions => _sessions.Count;

    public IReadOnlyCollection<SiteZone> Sites => _sites.Values;

    /// <summary>Replaces the zones; sessions of sites that are gone are dropped, the others continue.</summary>
    public void LoadSites(IEnumerable<SiteZone> sites)
    {
        _sites = sites.ToDictionary(s => s.Id);
        _grid = new ZoneGrid(_sites.Values);
        foreach (var key in _sessions.Keys.Where(k => !_sites.ContainsKey(k.Site)).ToList())
        {
            RemoveSession(key);
        }
    }

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
                Drain(o.Time, alerts);
            }
            else
            {
                // An imported track (or a late batch) behind the clock: its own stays still close and fire in event time.
                behind = true;
                Drain(o.Time, alerts);
            }
            _candidates.Clear();
            _grid.Candidates(o.Latitude, o.Longitude, _candidates);
            _inside.Clear();
            foreach (var candidate in _candidates)
            {
                if (candidate.InWatchZone(o.Latitude, o.Longitude) && !_inside.Contains(candidate.Id))
                {
                    _inside.Add(candidate.Id);
                }
            }
            var onRoute = o.Source == "position" && _routesByTracker.ContainsKey(o.Via);
            var hasStays = _sitesBySubject.TryGetValue(o.Subject, out var openSites);
            if (_inside.Count == 0 && !onRoute && !hasStays)
            {
                continue; // nowhere near a watched place: nothing to keep
            }
            var item = new EvidenceItem(o.Source, o.RecordId, o.Time, o.Latitude, o.Longitude, o.Via);
            if (onRoute)
            {
                CheckRoutes(o, item, alerts);
            }
            foreach (var siteId in _inside)
            {
                var key = (o.Subject, siteId);
                var site = _sites[siteId];
                if (!_sessions.TryGetValue(key, out var session))
                {
                    session = new Session(o.Time);
                    AddSession(key, session);
                    _deadlines.Enqueue(key, o.Time + site.Threshold);
                    if (zoneTransitionAlerts)
                    {
                        alerts.Add(new DetectedAlert("site.enter", AlertSeverity.Info, $"{o.Subject} entered the watch zone of {site.Name}",
                            $"{o.Subject} was observed within {site.WatchMetres:0} m of the perimeter of {site.Name}.", o.Subject, site, o.Time,
                            o.Latitude, o.Longitude, [item]));
                    }
                }
                if (o.Time > session.Last)
                {
                    session.Last = o.Time;
                    session.LastLatitude = o.Latitude;
                    session.LastLongitude = o.Longitude;
                }
                if (session.Evidence.Count < MaxEvidence)
                {
                    session.Evidence.Add(item);
                }
                session.Sources.Add((o.Source, o.Via));
                // One pending wake-up per stay for its gap: when it comes, Drain re-arms it at the stay's latest Last + MaxGap.
                if (session.GapWake is null)
                {
                    session.GapWake = session.Last + MaxGap;
                    _deadlines.Enqueue(key, session.GapWake.Value);
                }
            }
            if (!hasStays)
            {
                continue;
            }
            // Observed outside a zone where a stay was open: the subject left.
            _left.Clear();
            foreach (var siteId in openSites!)
            {
                if (!_inside.Contains(siteId) && _sites[siteId] is var open
                    && open.DistanceMetres(o.Latitude, o.Longitude) > open.WatchMetres + LeaveMarginMetres)
                {
                    _left.Add(siteId);
                }
            }
            foreach (var siteId in _left)
            {
                var key = (o.Subject, siteId);
                var session = _sessions[key];
                if (o.Time >= session.Last)
                {
                    RemoveSession(key);
                    if (zoneTransitionAlerts)
                    {
                        var site = _sites[key.Item2];
                        alerts.Add(new DetectedAlert("site.leave", AlertSeverity.Info, $"{o.Subject} left the watch zone of {site.Name}",
                            $"{o.Subject} was observed outside the watch zone of {site.Name}.", o.Subject, site, o.Time,
                            o.Latitude, o.Longitude, [item]) { Sources = [.. session.Sources] });
                    }
                }
            }
        }
        if (behind)
        {
            Drain(Now, alerts);
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
        Drain(now, alerts);
        return alerts;
    }

    /// <summary>Raises what is due strictly before <paramref name="now"/> (loitering, stays whose gap ran out).</summary>
    private void Drain(DateTime now, List<DetectedAlert> alerts)
    {
        while (_deadlines.TryPeek(out var key, out var due) && due < now)
        {
            _deadlines.Dequeue();
            if (!_sessions.TryGetValue(key, out var session) || !_sites.TryGetValue(key.Site, out var site))
            {
                continue;
            }
            if (session.GapWake == due)
            {
                session.GapWake = null;
            }
            var fireAt = session.Start + site.Threshold;
            if (!session.Alerted && fireAt < now && fireAt <= session.Last + MaxGap)
            {
                session.Alerted = true;
                var evidence = session.Evidence.Where(e => e.Time <= fireAt).ToList();
                alerts.Add(new DetectedAlert("loitering", AlertSeverity.High,
                    $"Loitering: {key.Subject} near {site.Name} for {site.Threshold.TotalMinutes:0} minutes",
                    $"{key.Subject} has been observed in the watch zone of {site.Name} ({site.WatchMetres:0} m around the perimeter) "
                    + $"since {session.Start:u} with no gap over {MaxGap.TotalMinutes:0} minutes; {evidence.Count} observation(s).",
                    key.Subject, site, fireAt, session.LastLatitude, session.LastLongitude, evidence) { Sources = [.. session.Sources] });
            }
            if (session.Last + MaxGap < now)
            {
                RemoveSession(key);
                if (zoneTransitionAlerts)
                {
                    alerts.Add(new DetectedAlert("site.leave", AlertSeverity.Info, $"{key.Subject} no longer seen near {site.Name}",
                        $"{key.Subject} was last observed in the watch zone of {site.Name} at {session.Last:u}.", key.Subject, site,
                        session.Last + MaxGap, session.LastLatitude, session.LastLongitude, []) { Sources = [.. session.Sources] });
                }
            }
            else if (session.GapWake is null)
            {
                // The stay was seen again since this wake-up was set: wake up again when its gap would now run out.
                session.GapWake = session.Last + MaxGap;
                _deadlines.Enqueue(key, session.GapWake.Value);
            }
        }
    }

    private sealed class Session(DateTime start)
    {
        public DateTime Start { get; } = start;
        public DateTime Last { get; set; } = start;
        public double LastLatitude { get; set; }
        public double LastLongitude { get; set; }
        public bool Alerted { get; set; }
        public List<EvidenceItem> Evidence { get; } = [];

        /// <summary>Every tracker and sensor that observed the subject during the stay (not capped like the evidence).</summary>
        public HashSet<(string Source, string Via)> Sources { get; } = [];

        /// <summary>When the pending gap wake-up of this stay is due (null: none pending).</summary>
        public DateTime? GapWake { get; set; }
    }
}
