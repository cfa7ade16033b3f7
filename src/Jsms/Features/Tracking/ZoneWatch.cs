using Jsms.Features.Alerts;

namespace Jsms.Features.Tracking;

/// <summary>
/// Stays in the sites' watch zones, the engine's part that raises <c>site.enter</c>, <c>loitering</c> and <c>site.leave</c>
/// (docs/decisions/0007-tracking-engine.md). One stay per (subject, site) while the subject keeps being observed in the
/// site's watch zone with no gap longer than the maximum gap. A stay raises "site.enter" when it opens, "loitering" once
/// when it has lasted the site's threshold, and "site.leave" when the subject is observed outside or the gap runs out.
/// <para>
/// A loitering alert is raised at the moment the threshold passed, Start + threshold, as long as the stay was still open
/// then (Start + threshold &lt;= Last + MaxGap), by whichever of an observation or the clock first moved past it strictly
/// (an observation exactly at that moment still counts as evidence), so a replay gives the same alerts as live. Not
/// thread-safe: <see cref="TrackingEngine"/> calls it from one thread at a time.
/// </para>
/// </summary>
internal sealed class ZoneWatch(TimeSpan maxGap, bool transitionAlerts)
{
    private readonly Dictionary<(string Subject, Guid Site), Stay> _stays = [];
    private readonly PriorityQueue<(string Subject, Guid Site), DateTime> _deadlines = new();
    // Open stays by subject, so an observation finds its subject's stays without scanning all of them.
    private readonly Dictionary<string, HashSet<Guid>> _sitesBySubject = new(StringComparer.Ordinal);
    private Dictionary<Guid, SiteZone> _sites = [];
    private ZoneGrid _grid = new([]);
    // Per observation, reused (single-threaded): no allocation for the zone lookup. Filled by Locate, read by Observe.
    private readonly List<SiteZone> _candidates = [];
    private readonly List<Guid> _inside = [];
    private readonly List<Guid> _left = [];
    private HashSet<Guid>? _openSites;

    /// <summary>
    /// Hysteresis of the watch zone: a subject in a stay has left only when observed further than this beyond the watch
    /// distance, so GPS noise on the zone's edge does not raise a stream of enter/leave pairs. An observation in the band
    /// neither extends the stay nor ends it (the gap clock runs on).
    /// </summary>
    public double LeaveMarginMetres { get; set; } = 30;

    public int OpenStays => _stays.Count;

    public IReadOnlyCollection<SiteZone> Sites => _sites.Values;

    /// <summary>Replaces the zones; stays at sites that are gone are dropped, the others continue.</summary>
    public void LoadSites(IEnumerable<SiteZone> sites)
    {
        _sites = sites.ToDictionary(s => s.Id);
        _grid = new ZoneGrid(_sites.Values);
        foreach (var key in _stays.Keys.Where(k => !_sites.ContainsKey(k.Site)).ToList())
        {
            RemoveStay(key);
        }
    }

    /// <summary>
    /// Finds the watch zones the observation is in and its subject's open stays; true when either is not empty, and then
    /// <see cref="Observe"/> must follow for the same observation.
    /// </summary>
    public bool Locate(Observation o)
    {
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
        _openSites = _sitesBySubject.GetValueOrDefault(o.Subject);
        return _inside.Count > 0 || _openSites is not null;
    }

    /// <summary>Opens or extends the stays in the zones <see cref="Locate"/> found, and ends those the subject was seen outside of.</summary>
    public void Observe(Observation o, EvidenceItem item, List<DetectedAlert> alerts)
    {
        foreach (var siteId in _inside)
        {
            var key = (o.Subject, siteId);
            var site = _sites[siteId];
            if (!_stays.TryGetValue(key, out var stay))
            {
                stay = new Stay(o.Time);
                AddStay(key, stay);
                _deadlines.Enqueue(key, o.Time + site.Threshold);
                if (transitionAlerts)
                {
                    alerts.Add(new DetectedAlert("site.enter", AlertSeverity.Info, $"{o.Subject} entered the watch zone of {site.Name}",
                        $"{o.Subject} was observed within {site.WatchMetres:0} m of the perimeter of {site.Name}.", o.Subject, site, o.Time,
                        o.Latitude, o.Longitude, [item]));
                }
            }
            if (o.Time > stay.Last)
            {
                stay.Last = o.Time;
                stay.LastLatitude = o.Latitude;
                stay.LastLongitude = o.Longitude;
            }
            if (stay.Evidence.Count < TrackingEngine.MaxEvidence)
            {
                stay.Evidence.Add(item);
            }
            stay.Sources.Add((o.Source, o.Via));
            // One pending wake-up per stay for its gap: when it comes, Drain re-arms it at the stay's latest Last + MaxGap.
            if (stay.GapWake is null)
            {
                stay.GapWake = stay.Last + maxGap;
                _deadlines.Enqueue(key, stay.GapWake.Value);
            }
        }
        if (_openSites is null)
        {
            return;
        }
        // Observed outside a zone where a stay was open: the subject left.
        _left.Clear();
        foreach (var siteId in _openSites)
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
            var stay = _stays[key];
            if (o.Time >= stay.Last)
            {
                RemoveStay(key);
                if (transitionAlerts)
                {
                    var site = _sites[key.Item2];
                    alerts.Add(new DetectedAlert("site.leave", AlertSeverity.Info, $"{o.Subject} left the watch zone of {site.Name}",
                        $"{o.Subject} was observed outside the watch zone of {site.Name}.", o.Subject, site, o.Time,
                        o.Latitude, o.Longitude, [item]) { Sources = [.. stay.Sources] });
                }
            }
        }
    }

    /// <summary>Raises what is due strictly before <paramref name="now"/> (loitering, stays whose gap ran out).</summary>
    public void Drain(DateTime now, List<DetectedAlert> alerts)
    {
        while (_deadlines.TryPeek(out var key, out var due) && due < now)
        {
            _deadlines.Dequeue();
            if (!_stays.TryGetValue(key, out var stay) || !_sites.TryGetValue(key.Site, out var site))
            {
                continue;
            }
            if (stay.GapWake == due)
            {
                stay.GapWake = null;
            }
            var fireAt = stay.Start + site.Threshold;
            if (!stay.Alerted && fireAt < now && fireAt <= stay.Last + maxGap)
            {
                stay.Alerted = true;
                var evidence = stay.Evidence.Where(e => e.Time <= fireAt).ToList();
                alerts.Add(new DetectedAlert("loitering", AlertSeverity.High,
                    $"Loitering: {key.Subject} near {site.Name} for {site.Threshold.TotalMinutes:0} minutes",
                    $"{key.Subject} has been observed in the watch zone of {site.Name} ({site.WatchMetres:0} m around the perimeter) "
                    + $"since {stay.Start:u} with no gap over {maxGap.TotalMinutes:0} minutes; {evidence.Count} observation(s).",
                    key.Subject, site, fireAt, stay.LastLatitude, stay.LastLongitude, evidence) { Sources = [.. stay.Sources] });
            }
            if (stay.Last + maxGap < now)
            {
                RemoveStay(key);
                if (transitionAlerts)
                {
                    alerts.Add(new DetectedAlert("site.leave", AlertSeverity.Info, $"{key.Subject} no longer seen near {site.Name}",
                        $"{key.Subject} was last observed in the watch zone of {site.Name} at {stay.Last:u}.", key.Subject, site,
                        stay.Last + maxGap, stay.LastLatitude, stay.LastLongitude, []) { Sources = [.. stay.Sources] });
                }
            }
            else if (stay.GapWake is null)
            {
                // The stay was seen again since this wake-up was set: wake up again when its gap would now run out.
                stay.GapWake = stay.Last + maxGap;
                _deadlines.Enqueue(key, stay.GapWake.Value);
            }
        }
    }

    private void AddStay((string Subject, Guid Site) key, Stay stay)
    {
        _stays[key] = stay;
        if (!_sitesBySubject.TryGetValue(key.Subject, out var sites))
        {
            sites = [];
            _sitesBySubject[key.Subject] = sites;
        }
        sites.Add(key.Site);
    }

    private void RemoveStay((string Subject, Guid Site) key)
    {
        _stays.Remove(key);
        if (_sitesBySubject.TryGetValue(key.Subject, out var sites) && sites.Remove(key.Site) && sites.Count == 0)
        {
            _sitesBySubject.Remove(key.Subject);
        }
    }

    private sealed class Stay(DateTime start)
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
