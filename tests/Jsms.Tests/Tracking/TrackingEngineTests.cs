using System.Text.Json;
using Jsms.Platform.Access;
using Jsms.Features.Protection;
using Jsms.Features.Tracking;
using NetTopologySuite.Geometries;

namespace Jsms.Tests.Tracking;

/// <summary>The detections of the engine on event time, with the clock moved by hand (no app).</summary>
public sealed class TrackingEngineTests
{
    private static readonly DateTime T0 = new(2026, 3, 10, 8, 0, 0, DateTimeKind.Utc);

    // A 0.02° x 0.02° square near Karachi airport; watch zone 500 m; threshold 30 minutes.
    private const double South = 24.895, North = 24.915, West = 67.150, East = 67.170;

    private static SiteZone Site(double watchMetres = 500, int thresholdMinutes = 30)
    {
        var json = JsonDocument.Parse($$"""{"type":"Polygon","coordinates":[[[{{West}},{{South}}],[{{East}},{{South}}],[{{East}},{{North}}],[{{West}},{{North}}],[{{West}},{{South}}]]]}""");
        var (polygon, problem) = Geo.ReadPolygon(json.RootElement);
        Assert.Null(problem);
        return new SiteZone(Guid.NewGuid(), "Airport", polygon!, watchMetres, thresholdMinutes, SecurityLevel.Critical, Guid.NewGuid(), Tlp.Amber, Guid.NewGuid());
    }

    private static TrackingEngine Engine(SiteZone site, bool transitions = false)
    {
        var engine = new TrackingEngine(TimeSpan.FromMinutes(10), transitions);
        engine.LoadSites([site]);
        return engine;
    }

    private static long _ids;

    /// <summary>A camera sighting 300 m south of the perimeter (inside the 500 m watch zone).</summary>
    private static Observation Seen(string subject, double minutes, double lat = South - 0.0027, double lon = 67.160)
        => new(subject, T0.AddMinutes(minutes), lat, lon, "sighting", Interlocked.Increment(ref _ids), "KHI-ANPR-01");

    [Fact]
    public void A_subject_seen_every_five_minutes_raises_one_loitering_alert_at_the_threshold_with_its_evidence()
    {
        var engine = Engine(Site());
        var alerts = new List<DetectedAlert>();
        for (var m = 0; m <= 40; m += 5)
        {
            alerts.AddRange(engine.Observe([Seen("LEA-1234", m)]));
        }
        var loitering = Assert.Single(alerts, a => a.Kind == "loitering");
        Assert.Equal(T0.AddMinutes(30), loitering.At);
        Assert.Equal(Jsms.Features.Alerts.AlertSeverity.High, loitering.Severity);
        Assert.Equal("LEA-1234", loitering.Subject);
        // Evidence: the sightings up to the moment the threshold passed (0, 5, ..., 30).
        Assert.Equal(7, loitering.Evidence.Count);
        Assert.All(loitering.Evidence, e => Assert.True(e.Time <= T0.AddMinutes(30)));
    }

    [Fact]
    public void Noise_on_the_edge_of_the_watch_zone_does_not_flap_between_enter_and_leave()
    {
        var engine = Engine(Site(), transitions: true);
        // 500 m watch zone; 0.0045° of latitude is about 500 m. Inside at 480 m, then back and forth across the edge by
        // about 20 m, as GPS noise does: one enter, no leave. Then 200 m beyond the edge: one leave.
        double Metres(double m) => South - m / 111_195.0;
        var alerts = new List<DetectedAlert>();
        alerts.AddRange(engine.Observe([Seen("NOISY-1", 0, Metres(480))]));
        for (var m = 1; m <= 8; m++)
        {
            alerts.AddRange(engine.Observe([Seen("NOISY-1", m, Metres(m % 2 == 0 ? 490 : 520))]));
        }
        Assert.Single(alerts, a => a.Kind == "site.enter");
        Assert.DoesNotContain(alerts, a => a.Kind == "site.leave");

        var left = engine.Observe([Seen("NOISY-1", 9, Metres(700))]);
        Assert.Equal("site.leave", Assert.Single(left).Kind);
    }

    [Fact]
    public void The_clock_raises_loitering_without_a_new_report()
    {
        var engine = Engine(Site());
        for (var m = 0; m <= 25; m += 5)
        {
            Assert.DoesNotContain(engine.Observe([Seen("LEA-1", m)]), a => a.Kind == "loitering");
        }
        Assert.Empty(engine.AdvanceTo(T0.AddMinutes(29)));
        Assert.Empty(engine.AdvanceTo(T0.AddMinutes(30)));
        var alert = Assert.Single(engine.AdvanceTo(T0.AddMinutes(30).AddSeconds(5)));
        Assert.Equal("loitering", alert.Kind);
        Assert.Equal(T0.AddMinutes(30), alert.At);
        Assert.Equal(6, alert.Evidence.Count);
        // Once only.
        Assert.Empty(engine.AdvanceTo(T0.AddMinutes(34)));
        Assert.Empty(engine.Observe([Seen("LEA-1", 34)]));
    }

    [Fact]
    public void A_gap_longer_than_the_maximum_starts_a_new_stay()
    {
        var engine = Engine(Site());
        var alerts = new List<DetectedAlert>();
        foreach (var m in new[] { 0, 5, 10, 15, 26, 31, 36, 41, 46, 51 })
        {
            alerts.AddRange(engine.Observe([Seen("LEA-2", m)]));
        }
        alerts.AddRange(engine.AdvanceTo(T0.AddMinutes(55)));
        // First stay 0..15 (gap of 11 minutes ends it); the second starts at 26 and passes 30 minutes at 56.
        Assert.DoesNotContain(alerts, a => a.Kind == "loitering");
        var late = engine.AdvanceTo(T0.AddMinutes(57));
        Assert.Equal(T0.AddMinutes(56), Assert.Single(late, a => a.Kind == "loitering").At);
    }

    [Fact]
    public void A_stay_that_ended_before_the_threshold_never_fires_even_when_the_clock_passes_it()
    {
        var engine = Engine(Site());
        engine.Observe([Seen("LEA-3", 0), Seen("LEA-3", 5), Seen("LEA-3", 10)]);
        // Last seen at 10: the stay ends at 20, before the threshold at 30.
        Assert.Empty(engine.AdvanceTo(T0.AddMinutes(45)));
        Assert.Equal(0, engine.OpenSessions);
    }

    [Fact]
    public void Replay_gives_the_same_alerts_as_live()
    {
        var site = Site();
        var events = Enumerable.Range(0, 11).Select(i => Seen(i % 2 == 0 ? "LEA-4" : "LEA-5", i * 4)).ToList();
        events.AddRange(Enumerable.Range(0, 10).Select(i => Seen("LEA-6", 3 + i * 4)));

        // Replay: events only, in one batch; the last event's time drives the clock.
        var replay = Engine(site).Observe(events);

        // Live: events one by one with the timer ticking every 20 seconds between them.
        var live = Engine(site);
        var liveAlerts = new List<DetectedAlert>();
        var clock = T0;
        foreach (var e in events.OrderBy(e => e.Time))
        {
            while (clock.AddSeconds(20) < e.Time)
            {
                clock = clock.AddSeconds(20);
                liveAlerts.AddRange(live.AdvanceTo(clock));
            }
            liveAlerts.AddRange(live.Observe([e]));
        }

        static string Describe(DetectedAlert a) => $"{a.Kind} {a.Subject} {a.At:O} [{string.Join(",", a.Evidence.Select(e => e.Id))}]";
        Assert.NotEmpty(replay);
        Assert.Equal(replay.Select(Describe).Order(), liveAlerts.Select(Describe).Order());
    }

    [Fact]
    public void Entering_and_leaving_the_watch_zone_are_detected_from_positions()
    {
        var engine = Engine(Site(), transitions: true);
        var far = engine.Observe([Seen("CPEC-01", 0, lat: South - 0.05)]);
        Assert.Empty(far);
        var enter = Assert.Single(engine.Observe([Seen("CPEC-01", 1, lat: South + 0.001)]));
        Assert.Equal("site.enter", enter.Kind);
        Assert.Empty(engine.Observe([Seen("CPEC-01", 2, lat: South + 0.002)]));
        var leave = Assert.Single(engine.Observe([Seen("CPEC-01", 3, lat: North + 0.05)]));
        Assert.Equal("site.leave", leave.Kind);
        Assert.Equal(T0.AddMinutes(3), leave.At);
    }

    [Fact]
    public void The_watch_distance_is_measured_in_metres_from_the_perimeter()
    {
        var site = Site(watchMetres: 500);
        var metresPerDegreeLat = Geo.EarthRadiusMetres * Math.PI / 180;
        // North of the north edge: 450 m is in the zone, 550 m is not.
        Assert.True(site.InWatchZone(North + 450 / metresPerDegreeLat, 67.160));
        Assert.False(site.InWatchZone(North + 550 / metresPerDegreeLat, 67.160));
        Assert.InRange(site.DistanceMetres(North + 450 / metresPerDegreeLat, 67.160), 449, 451);
        // East of the east edge, where a degree of longitude is shorter (cos 24.9°): 450 m in, 550 m out.
        var metresPerDegreeLon = metresPerDegreeLat * Math.Cos(24.905 * Math.PI / 180);
        Assert.True(site.InWatchZone(24.905, East + 450 / metresPerDegreeLon));
        Assert.False(site.InWatchZone(24.905, East + 550 / metresPerDegreeLon));
        // Cross-check with the great-circle distance.
        Assert.InRange(Geo.HaversineMetres(24.905, East, 24.905, East + 450 / metresPerDegreeLon), 448, 452);
        // Inside the perimeter the distance is zero.
        Assert.Equal(0, site.DistanceMetres(24.905, 67.160));
    }

    [Fact]
    public void Subjects_are_tracked_apart()
    {
        var engine = Engine(Site());
        // A-1 stays (a sighting every 10 minutes, the maximum gap); B-2 is seen twice, 20 minutes apart.
        var alerts = engine.Observe([Seen("A-1", 0), Seen("B-2", 5), Seen("A-1", 10), Seen("A-1", 20), Seen("B-2", 25), Seen("A-1", 30)]);
        alerts.AddRange(engine.AdvanceTo(T0.AddMinutes(36)));
        var loitering = Assert.Single(alerts, a => a.Kind == "loitering");
        Assert.Equal("A-1", loitering.Subject);
        Assert.Equal(4, loitering.Evidence.Count);
    }

    [Fact]
    public void Route_deviation_needs_consecutive_fixes_outside_the_corridor_and_rejoining_needs_to_come_well_inside()
    {
        var route = (LineString)new NetTopologySuite.IO.WKTReader().Read("LINESTRING (67.10 24.90, 67.30 24.90)");
        var watch = new RouteWatch(Guid.NewGuid(), "Convoy", route, 200, ["lead"], Guid.NewGuid(), Guid.NewGuid());
        var engine = new TrackingEngine(TimeSpan.FromMinutes(10), zoneTransitionAlerts: false) { DeviationFixes = 3 };
        engine.LoadRoutes([watch]);
        var metresPerDegreeLat = Geo.EarthRadiusMetres * Math.PI / 180;
        var minute = 0;
        List<DetectedAlert> At(double metresNorth, string tracker = "lead")
            => engine.Observe([new Observation(tracker, T0.AddMinutes(minute++), 24.90 + metresNorth / metresPerDegreeLat, 67.2, "position", Interlocked.Increment(ref _ids), tracker)]);

        Assert.Empty(At(50));
        // GPS noise: one or two fixes outside, then back: nothing.
        Assert.Empty(At(260));
        Assert.Empty(At(250));
        Assert.Empty(At(120));
        // Three in a row outside: one deviation with the three positions as evidence.
        Assert.Empty(At(300));
        Assert.Empty(At(320));
        var deviation = Assert.Single(At(340));
        Assert.Equal("route.deviation", deviation.Kind);
        Assert.Equal(3, deviation.Evidence.Count);
        Assert.Same(watch, deviation.Route);
        // Still off: no repeat while outside, and none in the band between 80 % and 100 % of the corridor.
        Assert.Empty(At(400));
        Assert.Empty(At(180));
        Assert.Empty(At(170));
        Assert.Equal("route.rejoined", Assert.Single(At(100)).Kind);
        // Another tracker not on this movement is not watched.
        Assert.Empty(At(900, "stranger"));
        Assert.Empty(At(900, "stranger"));
        Assert.Empty(At(900, "stranger"));
    }

    [Fact]
    public void A_polygon_that_is_not_closed_or_valid_is_refused_with_a_reason()
    {
        var open = JsonDocument.Parse("""{"type":"Polygon","coordinates":[[[67.1,24.9],[67.2,24.9],[67.2,25.0]]]}""").RootElement;
        Assert.Contains("ring", Geo.ReadPolygon(open).Problem);
        var bowtie = JsonDocument.Parse("""{"type":"Polygon","coordinates":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]}""").RootElement;
        Assert.Contains("not valid", Geo.ReadPolygon(bowtie).Problem);
        var point = JsonDocument.Parse("""{"type":"Point","coordinates":[67.1,24.9]}""").RootElement;
        Assert.Contains("Polygon", Geo.ReadPolygon(point).Problem);
        var latFirst = JsonDocument.Parse("""{"type":"Polygon","coordinates":[[[24.9,167.1],[24.9,167.2],[25,167.2],[24.9,167.1]]]}""").RootElement;
        Assert.Contains("out of range", Geo.ReadPolygon(latFirst).Problem);
        Assert.IsType<Polygon>(Geo.ReadPolygon(JsonDocument.Parse(Jsms.Features.Demo.DemoTracking.AirportPerimeter).RootElement).Polygon);
    }
}
