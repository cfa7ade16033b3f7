using System.Diagnostics;
using Jsms.Features.Tracking;
using Jsms.Platform.Database;
using Microsoft.Extensions.DependencyInjection;

namespace Jsms.Bench;

/// <summary>
/// Storage alone, in-process, no HTTP: 200,000 positions of 1,000 devices in batches of 1,000, (1) one EF SaveChanges per batch,
/// (2) the ingest writer (group commit, store then engine) with 8 batches in flight.
/// </summary>
internal static class StorageBench
{
    public static async Task RunAsync(string? postgres)
    {
        const int Stored = 200_000, Batch = 1_000, InFlight = 8;
        var provider = postgres is null ? "sqlite" : "postgres";
        var (app, cleanup) = await BenchWorld.StartAppAsync(postgres, listen: false);
        try
        {
            var now = DateTime.UtcNow;
            var devices = await BenchWorld.SeedAsync(app.Services, "pk.analyst", 0, Batch, now);
            var random = new Random(7);
            var fixes = Enumerable.Range(0, Stored).Select(i => new PositionToStore(devices[i % Batch],
                new Fix(devices[i % Batch].UniqueId, now.AddMilliseconds(-Stored + i), 23.0 + random.NextDouble(), 65.0 + random.NextDouble(), 10, null, null, null))).ToArray();

            using var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < Stored; i += Batch)
            {
                await using var scope = app.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<JsmsDbContext>();
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                for (var j = i; j < i + Batch; j++)
                {
                    var (device, fix) = fixes[j];
                    db.Add(new Position { DeviceId = device.Id, Time = fix.Time, ReceivedAt = now, Latitude = fix.Latitude, Longitude = fix.Longitude, Speed = fix.Speed });
                }
                await db.SaveChangesAsync();
            }
            watch.Stop();
            process.Refresh();
            Console.WriteLine(string.Create(BenchWorld.Culture, $"storage ({provider}), EF SaveChanges per batch of {Batch:N0}: {Stored / watch.Elapsed.TotalSeconds:N0} positions per second; {(process.TotalProcessorTime - cpu).TotalMicroseconds / Stored:N1} µs CPU per position"));

            var writer = app.Services.GetRequiredService<IngestWriter>();
            process.Refresh();
            cpu = process.TotalProcessorTime;
            watch.Restart();
            var inFlight = new List<Task<int>>();
            for (var i = 0; i < Stored; i += Batch)
            {
                inFlight.Add(writer.StorePositionsAsync(new ArraySegment<PositionToStore>(fixes, i, Batch), now));
                if (inFlight.Count >= InFlight)
                {
                    await inFlight[0];
                    inFlight.RemoveAt(0);
                }
            }
            await Task.WhenAll(inFlight);
            watch.Stop();
            process.Refresh();
            Console.WriteLine(string.Create(BenchWorld.Culture, $"storage ({provider}), ingest writer (group commit + engine), {InFlight} batches of {Batch:N0} in flight: {Stored / watch.Elapsed.TotalSeconds:N0} positions per second; {(process.TotalProcessorTime - cpu).TotalMicroseconds / Stored:N1} µs CPU per position"));
        }
        finally
        {
            await cleanup();
        }
    }
}
