using Jsms.Features.Alerts;

namespace Jsms.Features.Tracking;

/// <summary>
/// Route corridors, the engine's part that raises <c>route.deviation</c> (High) when a movement's tracker has been outside
/// its corridor for <see cref="DeviationFixes"/> consecutive positions, and <c>route.rejoined</c> (Info) when it is back
/// inside <see cref="RejoinFraction"/> of it. Not thread-safe: <see cref="TrackingEngine"/> calls it from one thread at a time.
/// </summary>
internal sealed class CorridorWatch
{
    private readonly Dictionary<(Guid Movement, string Tracker), Deviation> _deviations = [];

    /// <summary>Consecutive positions outside the corridor before a deviation is declared (GPS noise does not flap).</summary>
    public int DeviationFixes { get; set; } = 3;

    /// <summary>Back on route only inside this fraction of the corridor (the hysteresis band).</summary>
    public double RejoinFraction { get; set; } = 0.8;

    /// <summary>Forgets the state of movements no longer watched.</summary>
    public void Keep(HashSet<Guid> movements)
    {
        foreach (var key in _deviations.Keys.Where(k => !movements.Contains(k.Movement)).ToList())
        {
            _deviations.Remove(key);
        }
    }

    /// <summary>Takes a position of a tracker on <paramref name="routes"/> (every one of them is a movement it belongs to).</summary>
    public void Observe(Observation o, EvidenceItem item, List<RouteWatch> routes, List<DetectedAlert> alerts)
    {
        foreach (var route in routes)
        {
            if (!route.HasRoute)
            {
                continue;
            }
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
}
