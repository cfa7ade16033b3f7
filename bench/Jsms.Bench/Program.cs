using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Jsms.Features.Access;
using Jsms.Features.Protection;
using Jsms.Features.Tracking;
using Jsms.Platform;
using Jsms.Platform.Database;
using Microsoft.Extensions.DependencyInjection;

// Tracking benchmark (README, "Tracking benchmark"): dotnet run -c Release --project bench/Jsms.Bench [-- postgres CONNECTION]
//  1. the detection engine alone: 10,000 sites, 10,000 subjects, 1,000,000 observations in event-time order;
//  2. durable storage of positions in batches of 1,000 (one SaveChanges per batch, as POST /api/tracking/positions does).
var culture = CultureInfo.InvariantCulture;
const int Sites = 10_000, Subjects = 10_000, Observations = 1_000_000, Stored = 200_000, Batch = 1_000;
var random = new Random(7);
var t0 = new DateTime(2026, 3, 10, 0, 0, 0, DateTimeKind.Utc);

// Sites: 300 m squares on a 100 x 100 grid over about 2° x 2° around Karachi; 200 m watch zones.
var zones = new List<SiteZone>(Sites);
for (var i = 0; i < Sites; i++)
{
    double lat = 24.0 + i / 100 * 0.02, lon = 66.0 + i % 100 * 0.02, d = 0.0015;
    var json = JsonDocument.Parse(string.Create(culture, $"{{\"type\":\"Polygon\",\"coordinates\":[[[{lon},{lat}],[{lon + d},{lat}],[{lon + d},{lat + d}],[{lon},{lat + d}],[{lon},{lat}]]]}}"));
    zones.Add(new SiteZone(Guid.NewGuid(), $"site {i}", Geo.ReadPolygon(json.RootElement).Polygon!, 200, 30, SecurityLevel.Medium, Guid.NewGuid(), Tlp.Amber, Guid.NewGuid()));
}
var engine = new TrackingEngine(TimeSpan.FromMinutes(10));
engine.LoadSites(zones);
var subjects = Enumerable.Range(0, Subjects).Select(i => $"SUBJ{i}").ToArray();
var home = Enumerable.Range(0, Subjects).Select(_ => (Lat: 24.0 + random.NextDouble() * 2, Lon: 66.0 + random.NextDouble() * 2)).ToArray();
var observations = new Observation[Observations];
for (var i = 0; i < Observations; i++)
{
    var s = random.Next(Subjects);
    // Each subject jitters around its own place: some stay in a watch zone long enough to loiter.
    observations[i] = new Observation(subjects[s], t0.AddMilliseconds(i * 10), home[s].Lat + random.NextDouble() * 0.001, home[s].Lon + random.NextDouble() * 0.001, "position", i, "bench");
}
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
Console.WriteLine(string.Create(culture, $"engine: {Observations:N0} observations, {Sites:N0} sites, {Subjects:N0} subjects: {Observations / watch.Elapsed.TotalSeconds:N0} per second; {alerts:N0} alerts; {engine.OpenSessions:N0} open stays; heap {memoryBefore / 1e6:N0} -> {memoryAfter / 1e6:N0} MB"));

// Storage.
var provider = args.Length >= 2 && args[0] == "postgres" ? "postgres" : "sqlite";
var dataDirectory = Path.Combine(Path.GetTempPath(), "jsms-bench-" + Guid.NewGuid().ToString("N"));
var arguments = new List<string> { $"--Jsms:DataDirectory={dataDirectory}", "--Jsms:MigrateOnStart=true", $"--Jsms:Database={provider}", "--Logging:LogLevel:Default=Warning" };
if (provider == "postgres")
{
    arguments.Add($"--ConnectionStrings:Jsms={args[1]}");
}
await using var app = JsmsApp.Build([.. arguments]);
await JsmsApp.PrepareAsync(app.Services);
Guid deviceId;
await using (var scope = app.Services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<JsmsDbContext>();
    var device = new Device { Id = Guid.NewGuid(), UniqueId = "bench-" + Guid.NewGuid().ToString("N"), Name = "bench", CreatedAt = t0, Tlp = Tlp.Amber };
    db.Add(device);
    await db.SaveChangesAsync();
    deviceId = device.Id;
}
watch.Restart();
for (var i = 0; i < Stored; i += Batch)
{
    await using var scope = app.Services.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<JsmsDbContext>();
    db.ChangeTracker.AutoDetectChangesEnabled = false;
    for (var j = 0; j < Batch; j++)
    {
        var o = observations[i + j];
        db.Add(new Position { DeviceId = deviceId, Time = o.Time, ReceivedAt = o.Time, Latitude = o.Latitude, Longitude = o.Longitude, Speed = 10 });
    }
    await db.SaveChangesAsync();
}
watch.Stop();
Console.WriteLine(string.Create(culture, $"storage ({provider}): {Stored:N0} positions in batches of {Batch:N0}: {Stored / watch.Elapsed.TotalSeconds:N0} per second"));
if (provider == "sqlite")
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    try
    {
        Directory.Delete(dataDirectory, recursive: true);
    }
    catch (IOException)
    {
        // Left to the OS temp cleaner.
    }
}
