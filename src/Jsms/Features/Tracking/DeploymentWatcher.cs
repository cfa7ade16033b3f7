using Jsms.Features.Alerts;

namespace Jsms.Features.Tracking;

/// <summary>
/// The engine's part that watches a deployed team's trackers against the consent (docs/operations.md, "Watching deployed
/// teams"). For each (deployment, tracker) it keeps the last observation and three episodes, each raising one alert when
/// it opens: <c>deployment.outside</c> (observed outside the consented area while the consent is valid; closes when seen
/// inside again), <c>deployment.lapsed</c> (inside the area at or after the consent expired or was suspended or revoked;
/// raised by an observation, or by the clock at the lapse for a tracker last seen inside, within <see cref="StaleAfter"/>;
/// closes when seen outside) and <c>deployment.early</c> (inside before the consent starts; closes when seen outside or
/// once it starts). Not thread-safe: <see cref="TrackingEngine"/> calls it from one thread at a time.
/// </summary>
internal sealed class DeploymentWatcher
{
    private Dictionary<Guid, DeploymentWatch> _watches = [];
    private Dictionary<string, List<DeploymentWatch>> _byTracker = new(StringComparer.Ordinal);
    private readonly Dictionary<(Guid Watch, string Tracker), TrackerState> _states = [];

    /// <summary>A tracker silent for longer than this before the consent lapsed is not taken to be still there.</summary>
    public TimeSpan StaleAfter { get; init; } = TimeSpan.FromHours(12);

    public int Count => _watches.Count;

    /// <summary>Replaces the deployments; the episodes of those still watched are kept, so a reload raises nothing twice.</summary>
    public void Load(IEnumerable<DeploymentWatch> watches)
    {
        _watches = watches.ToDictionary(w => w.Id);
        _byTracker = _watches.Values.SelectMany(w => w.Trackers.Select(t => (t, w))).GroupBy(x => x.t, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.w).ToList(), StringComparer.Ordinal);
        foreach (var key in _states.Keys.Where(k => !_watches.TryGetValue(k.Watch, out var w) || !w.Trackers.Contains(k.Tracker)).ToList())
        {
            _states.Remove(key);
        }
    }

    public bool Watches(string tracker) => _byTracker.ContainsKey(tracker);

    public void Observe(Observation o, EvidenceItem item, List<DetectedAlert> alerts)
    {
        foreach (var watch in _byTracker[o.Via])
        {
            var key = (watch.Id, o.Via);
            if (!_states.TryGetValue(key, out var state))
            {
                state = new TrackerState();
                _states[key] = state;
            }
            if (state.Last is { } last && o.Time < last.Time)
            {
                continue; // a late fix: the episodes follow the latest position
            }
            var inside = watch.Covers(o.Latitude, o.Longitude);
            var previous = state.Last;
            state.Last = item;
            state.Inside = inside;
            if (o.Time < watch.Start)
            {
                if (inside && !state.Early)
                {
                    state.Early = true;
                    alerts.Add(Alert("deployment.early", AlertSeverity.High, watch, o.Via, o.Time, item,
                        $"{o.Via} inside the area of {watch.Label} before it starts",
                        $"{o.Via} was observed inside the consented area at {o.Time:u}; the consent takes effect at {watch.Start:u}.", previous));
                }
                state.Early &= inside;
                continue;
            }
            state.Early = false;
            if (o.Time < watch.ValidUntil)
            {
                if (!inside && !state.Outside)
                {
                    state.Outside = true;
                    alerts.Add(Alert("deployment.outside", AlertSeverity.High, watch, o.Via, o.Time, item,
                        $"{o.Via} left the consented area of {watch.Label}",
                        $"{o.Via} was observed outside the area the host consented to at {o.Time:u}.", previous));
                }
                state.Outside &= !inside;
                continue;
            }
            state.Outside = false;
            if (inside && !state.Lapsed)
            {
                state.Lapsed = true;
                alerts.Add(Lapsed(watch, o.Via, o.Time, item, previous));
            }
            state.Lapsed &= inside;
        }
    }

    /// <summary>Raises, at the lapse, the trackers last seen inside before the consent lapsed (the clock's part: a tracker sitting still sends nothing).</summary>
    public void Drain(DateTime now, List<DetectedAlert> alerts)
    {
        foreach (var ((watchId, tracker), state) in _states)
        {
            if (state.Lapsed || !state.Inside || state.Last is not { } last || !_watches.TryGetValue(watchId, out var watch))
            {
                continue;
            }
            if (watch.ValidUntil < now && last.Time < watch.ValidUntil && last.Time >= watch.Start && last.Time >= watch.ValidUntil - StaleAfter)
            {
                state.Lapsed = true;
                alerts.Add(Lapsed(watch, tracker, watch.ValidUntil, last, null));
            }
        }
    }

    private static DetectedAlert Lapsed(DeploymentWatch watch, string tracker, DateTime at, EvidenceItem item, EvidenceItem? previous)
        => Alert("deployment.lapsed", AlertSeverity.High, watch, tracker, at, item, $"{tracker} still in the area of {watch.Label} after the consent {watch.Lapse}",
            $"The consent {watch.Lapse} at {watch.ValidUntil:u}; {tracker} was last observed inside the consented area at {item.Time:u}.", previous);

    private static DetectedAlert Alert(string kind, AlertSeverity severity, DeploymentWatch watch, string tracker, DateTime at, EvidenceItem item,
        string title, string detail, EvidenceItem? previous)
        => new(kind, severity, title, detail, tracker, null, at, item.Latitude, item.Longitude, previous is null ? [item] : [previous, item])
        {
            Deployment = watch,
        };

    private sealed class TrackerState
    {
        public EvidenceItem? Last { get; set; }
        public bool Inside { get; set; }
        public bool Outside { get; set; }
        public bool Lapsed { get; set; }
        public bool Early { get; set; }
    }
}
