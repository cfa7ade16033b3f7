using Jsms.Features.Alerts;
using Jsms.Features.Protection;

namespace Jsms.Features.Tracking;

/// <summary>
/// Escort separation, the engine's part that raises <c>escort.separated</c> and <c>escort.rejoined</c>: a principal's
/// vehicle whose nearest escort tracker (by its latest fix, no older than the maximum gap) is further than the movement's
/// escort distance, while the vehicle moves, for N consecutive fixes or a time: <c>escort.separated</c> (High), once; back
/// within <see cref="RejoinFraction"/> of the distance: <c>escort.rejoined</c> (Info). Evaluated on the vehicle's own
/// fixes. Not thread-safe: <see cref="TrackingEngine"/> calls it from one thread at a time.
/// </summary>
internal sealed class EscortWatch(TimeSpan maxGap)
{
    private readonly Dictionary<string, TrackerFix> _lastFixes = new(StringComparer.Ordinal);
    private readonly Dictionary<(Guid Movement, string Vehicle), Separation> _separations = [];

    /// <summary>Back with the escort only inside this fraction of the escort distance (the hysteresis band).</summary>
    public double RejoinFraction { get; set; } = 0.8;

    /// <summary>Forgets the state of movements no longer watched and the fixes of trackers no longer on any of them.</summary>
    public void Keep(HashSet<Guid> movements, HashSet<string> trackers)
    {
        foreach (var key in _separations.Keys.Where(k => !movements.Contains(k.Movement)).ToList())
        {
            _separations.Remove(key);
        }
        foreach (var tracker in _lastFixes.Keys.Where(t => !trackers.Contains(t)).ToList())
        {
            _lastFixes.Remove(tracker);
        }
    }

    /// <summary>Takes a position of a tracker on <paramref name="routes"/> (every one of them is a movement it belongs to).</summary>
    public void Observe(Observation o, EvidenceItem item, List<RouteWatch> routes, List<DetectedAlert> alerts)
    {
        _lastFixes.TryGetValue(o.Via, out var previous);
        double? speed = null;
        if (previous is not null && o.Time > previous.Item.Time && o.Time - previous.Item.Time <= maxGap)
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
                if (escort != o.Via && _lastFixes.TryGetValue(escort, out var fix) && (o.Time - fix.Item.Time).Duration() <= maxGap)
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
            if (state.Evidence.Count < TrackingEngine.MaxEvidence)
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

    private sealed record TrackerFix(EvidenceItem Item, double? SpeedMetresPerSecond);

    private sealed class Separation
    {
        public bool Separated { get; set; }
        public DateTime? Since { get; set; }
        public List<EvidenceItem> Evidence { get; } = [];
    }
}
