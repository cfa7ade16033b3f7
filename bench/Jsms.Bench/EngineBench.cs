using System.Diagnostics;
using Jsms.Features.Tracking;

namespace Jsms.Bench;

/// <summary>The detection engine alone: 10,000 sites, 10,000 subjects, 1,000,000 observations in event-time order, batches of 1,000.</summary>
internal static class EngineBench
{
    public static void Run()
    {
        const int Observations = 1_000_000, Batch = 1_000;
        var random = new Random(7);
        var t0 = new DateTime(2026, 3, 10, 0, 0, 0, DateTimeKind.Utc);
        var subjects = Enumerable.Range(0, BenchWorld.Subjects).Select(i => $"SUBJ{i}").ToArray();
        var home = BenchWorld.Homes(random);
        var observations = new Observation[Observations];
        for (var i = 0; i < Observations; i++)
        {
            var s = random.Next(BenchWorld.Subjects);
            // Each subject jitters around its own place: some stay in a watch zone long enough to loiter.
            observations[i] = new Observation(subjects[s], t0.AddMilliseconds(i * 10), home[s].Lat + random.NextDouble() * 0.001, home[s].Lon + random.NextDouble() * 0.001, "position", i, "bench");
        }
        // Three rounds, each with a new engine: the first includes the JIT's tiering (the method with the loop starts
        // unoptimised), the later ones are the steady state.
        for (var round = 1; round <= 3; round++)
        {
            var engine = new TrackingEngine(TimeSpan.FromMinutes(10));
            engine.LoadSites(BenchWorld.Zones());
            GC.Collect();
            var memoryBefore = GC.GetTotalMemory(true);
            var watch = Stopwatch.StartNew();
            var alerts = 0;
            for (var i = 0; i < Observations; i += Batch)
            {
                alerts += engine.Observe(new ArraySegment<Observation>(observations, i, Batch)).Count;
            }
            watch.Stop();
            var memoryAfter = GC.GetTotalMemory(true);
            Console.WriteLine(string.Create(BenchWorld.Culture, $"engine, round {round}: {Observations:N0} observations, {BenchWorld.Sites:N0} sites, {BenchWorld.Subjects:N0} subjects: {Observations / watch.Elapsed.TotalSeconds:N0} per second; {alerts:N0} alerts; {engine.OpenSessions:N0} open stays; heap {memoryBefore / 1e6:N0} -> {memoryAfter / 1e6:N0} MB"));
        }
    }
}
