using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Jsms.Platform.Access;
using Jsms.Features.Accounts;
using Jsms.Platform.Identity;
using Jsms.Features.Intelligence;
using Jsms.Features.Partners;
using Jsms.Platform.Partners;
using Jsms.IntelBench;
using Jsms.Platform;
using Jsms.Platform.Database;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

// Intelligence benchmark (docs/intelligence.md, "Benchmark"):
//   dotnet run -c Release --project bench/Jsms.IntelBench [-- [postgres CONNECTION] [--objects N] [--pull-pages P] [--push-objects Q]
//     [--bundle-mb M] [--warmup W] [--skip-pages] [--trace] [--explain] [--keep] [--allocations]]
// Two real JSMS nodes on loopback (Kestrel, own databases, demo accounts):
//  1. node A's collection is seeded with N objects (default 1,000,000) through BulkInsert straight into the tables
//     (not through the importer, no audit entries: seeding is not what is measured), as pk.analyst's agency, with a mix of TLP levels and release lists;
//  2. TAXII pages of 1,000 objects are walked through the whole collection following `next`, as the owner and as the
//     partner (cn.liaison), without and with match[type]; per page: wall time of the HTTP GET and the SQL commands run;
//  3. node B pulls node A's collection through TaxiiPuller (P pages of 1,000, bearer token of cn.liaison): objects/s;
//     node A pushes a second collection of Q objects to node B through TaxiiPusher: objects/s; both after a warm-up pull
//     and push of a collection of W objects (default 10,000; its cold figures are printed too);
//  4. node B imports generated bundles of M/4 and M MB (default 100) through the import API: time and peak memory.
var culture = CultureInfo.InvariantCulture;
var options = BenchOptions.Parse(args);
var scratch = Path.Combine(Path.GetTempPath(), "jsms-intelbench-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(scratch);
SqlCounter.Start();
Console.WriteLine(string.Create(culture, $"provider {options.Provider}, {options.Objects:N0} objects, pull {options.PullPages} pages, push {options.PushObjects:N0} objects, bundle {options.BundleMegabytes} MB, {Environment.ProcessorCount} cores"));

await using var nodeA = await Node.StartAsync("a", options, scratch);
await using var nodeB = await Node.StartAsync("b", options, scratch);
var owner = await nodeA.ClientAsync("pk.analyst");
var partner = await nodeA.ClientAsync("cn.liaison");

// 1. Seed.
var collection = await Node.CreateCollectionAsync(owner);
var watch = Stopwatch.StartNew();
await Seeder.SeedAsync(nodeA, collection, options.Objects);
Console.WriteLine(string.Create(culture, $"seed: {options.Objects:N0} objects in {watch.Elapsed.TotalSeconds:N0} s (BulkInsert in transactions of {Seeder.Batch:N0}, not the importer, no audit)"));
await nodeA.AnalyzeAsync();

// 2. TAXII pages.
var objectsUrl = $"/taxii2/api/collections/{collection}/objects/?limit=1000";
if (!options.SkipPages)
{
    await Walk("owner pk.analyst, all types", owner, objectsUrl);
    await Walk("partner cn.liaison, all types", partner, objectsUrl);
    await Walk("owner, match[type]=indicator", owner, objectsUrl + "&match[type]=indicator");
    await Walk("partner, match[type]=indicator,report", partner, objectsUrl + "&match[type]=indicator,report");
    await Walk("partner, match[version]=all", partner, objectsUrl + "&match[version]=all", maxPages: 200);
}

async Task Walk(string label, HttpClient client, string url, int maxPages = int.MaxValue)
{
    var times = new List<double>();
    var queries = new List<int>();
    var marks = new List<string?>();
    var objects = 0L;
    string? next = null;
    var total = Stopwatch.StartNew();
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    do
    {
        marks.Add(next);
        var pageUrl = next is null ? url : url + "&next=" + Uri.EscapeDataString(next);
        var request = new HttpRequestMessage(HttpMethod.Get, pageUrl);
        var id = Guid.NewGuid().ToString("N");
        request.Headers.Add(SqlCounter.Header, id);
        var page = Stopwatch.StartNew();
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        page.Stop();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{pageUrl}: {(int)response.StatusCode} {Encoding.UTF8.GetString(body)}");
        }
        times.Add(page.Elapsed.TotalMilliseconds);
        queries.Add(SqlCounter.Take(id));
        using var json = JsonDocument.Parse(body);
        objects += json.RootElement.TryGetProperty("objects", out var o) ? o.GetArrayLength() : 0;
        next = json.RootElement.TryGetProperty("next", out var n) ? n.GetString() : null;
    }
    while (next is not null && times.Count < maxPages);
    if (options.Trace)
    {
        Console.WriteLine($"trace of the first page of [{label}]:");
        SqlCounter.Trace = true;
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add(SqlCounter.Header, "trace");
        (await client.SendAsync(request)).Dispose();
        SqlCounter.Take("trace");
        SqlCounter.Trace = false;
    }
    if (options.Explain)
    {
        // The plan of a page halfway through the walk, with the parameters EF Core sent for it.
        var middle = marks[marks.Count / 2];
        var request = new HttpRequestMessage(HttpMethod.Get, middle is null ? url : url + "&next=" + Uri.EscapeDataString(middle));
        request.Headers.Add(SqlCounter.Header, "explain");
        request.Headers.Add(SqlCounter.ExplainHeader, "1");
        (await client.SendAsync(request)).Dispose();
        SqlCounter.Take("explain");
        Console.WriteLine($"plan of page {marks.Count / 2 + 1} of [{label}]:");
        foreach (var line in await nodeA.ExplainAsync(SqlCounter.PageQuery!.Value.Text, SqlCounter.PageQuery.Value.Parameters))
        {
            Console.WriteLine("  " + line);
        }
    }
    total.Stop();
    var cpuPerPage = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / times.Count;
    var deep = times.Skip(times.Count * 9 / 10).ToList();
    Console.WriteLine(string.Create(culture,
        $"pages [{label}]: {times.Count:N0} pages, {objects:N0} objects in {total.Elapsed.TotalSeconds:N1} s; page ms median {Median(times):N1}, p99 {Percentile(times, 0.99):N1}, max {times.Max():N1}; deepest 10% median {Median(deep):N1}; process CPU per page {cpuPerPage:N1} ms (server and client); SQL commands per page min {queries.Min()} median {Median(queries.Select(q => (double)q).ToList())} max {queries.Max()}"));
}

// 3. Node-to-node exchange. A warm-up pull and push of a small collection first (unless --warmup 0): a node runs for
// days, so the measured rate is the steady state, not the JIT compiling the code paths the first time (both nodes share
// this process and its compiled code). The cold figure is printed too.
var pullAdmin = await nodeB.ClientAsync("admin");
var pullToken = await nodeA.TokenAsync("cn.liaison");
if (options.Warmup > 0 && (options.PullPages > 0 || options.PushObjects > 0))
{
    var warm = await Node.CreateCollectionAsync(owner);
    await Seeder.SeedAsync(nodeA, warm, options.Warmup);
    await PullAsync("warm-up (cold JIT) pull", warm);
    await PushAsync("warm-up (cold JIT) push", options.Warmup);
}
if (options.PullPages > 0)
{
    await PullAsync("pull", collection);
}
if (options.PushObjects > 0)
{
    await PushAsync("push", options.PushObjects);
}

// Node B pulls a collection of node A through TaxiiPuller (bearer token of cn.liaison), into a new local collection.
async Task PullAsync(string label, Guid remote)
{
    var localCollection = await Node.CreateCollectionAsync(pullAdmin);
    var created = await pullAdmin.PostAsJsonAsync("/api/intelligence/sources", new
    {
        name = "Node A " + Guid.NewGuid().ToString("N")[..6],
        apiRootUrl = nodeA.BaseAddress + "taxii2/api/",
        remoteCollectionId = remote.ToString(),
        username = "",
        secret = pullToken,
        localCollectionId = localCollection,
        ownerAgency = "PK-NACTA",
        intervalMinutes = 60,
        enabled = false,
    });
    var source = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
    using var sampler = options.Allocations && !label.StartsWith("warm", StringComparison.Ordinal) ? new Jsms.Bench.AllocationSampler() : null;
    var pullCpu = Process.GetCurrentProcess().TotalProcessorTime;
    var collections = GcCounts.Now();
    var clock = Stopwatch.StartNew();
    var pull = await pullAdmin.PostAsync($"/api/intelligence/sources/{source}/pull", null);
    clock.Stop();
    pullCpu = Process.GetCurrentProcess().TotalProcessorTime - pullCpu;
    collections = GcCounts.Now() - collections;
    var result = JsonDocument.Parse(await pull.Content.ReadAsStringAsync()).RootElement.GetProperty("result");
    if (!result.GetProperty("ok").GetBoolean())
    {
        throw new InvalidOperationException("pull failed: " + result);
    }
    var accepted = result.GetProperty("accepted").GetInt32();
    var refused = result.GetProperty("refused").GetInt32();
    Console.WriteLine(string.Create(culture,
        $"{label}: {result.GetProperty("pages").GetInt32():N0} pages, {accepted:N0} objects added, {refused:N0} refused in {clock.Elapsed.TotalSeconds:N1} s: {(accepted + refused) / clock.Elapsed.TotalSeconds:N0} objects per second; process CPU (both nodes) {pullCpu.TotalMilliseconds * 1000 / Math.Max(1, accepted + refused):N1} ms per 1,000 objects; {collections}"));
    sampler?.Print(15);
}

// Node A pushes a new collection of its own of `count` seeded objects to node B through TaxiiPusher, as what CN-MPS may
// receive (the partner agency on node A), with node B's bearer token of pk.analyst (PK-NACTA's account there).
async Task PushAsync(string label, int count)
{
    var adminA = await nodeA.ClientAsync("admin");
    var pushed = await Node.CreateCollectionAsync(owner);
    await Seeder.SeedAsync(nodeA, pushed, count);
    var analystB = await nodeB.ClientAsync("pk.analyst");
    var remoteCollection = await Node.CreateCollectionAsync(analystB);
    var created = await adminA.PostAsJsonAsync("/api/intelligence/sources", new
    {
        name = "Node B " + Guid.NewGuid().ToString("N")[..6],
        apiRootUrl = nodeB.BaseAddress + "taxii2/api/",
        remoteCollectionId = remoteCollection.ToString(),
        username = "",
        secret = await nodeB.TokenAsync("pk.analyst"),
        localCollectionId = pushed,
        ownerAgency = "CN-MPS",
        intervalMinutes = 60,
        enabled = false,
        direction = "push",
    });
    var body = await created.Content.ReadAsStringAsync();
    if (!created.IsSuccessStatusCode)
    {
        throw new InvalidOperationException(body);
    }
    var destination = JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
    // Marks the start of the measured part (profiling scripts attach here, after the seed).
    Console.WriteLine($"{label}: seeded, pushing");
    using var sampler = options.Allocations && !label.StartsWith("warm", StringComparison.Ordinal) ? new Jsms.Bench.AllocationSampler() : null;
    var pushCpu = Process.GetCurrentProcess().TotalProcessorTime;
    var collections = GcCounts.Now();
    var clock = Stopwatch.StartNew();
    var push = await adminA.PostAsync($"/api/intelligence/sources/{destination}/push", null);
    clock.Stop();
    pushCpu = Process.GetCurrentProcess().TotalProcessorTime - pushCpu;
    collections = GcCounts.Now() - collections;
    var result = JsonDocument.Parse(await push.Content.ReadAsStringAsync()).RootElement.GetProperty("result");
    if (!result.GetProperty("ok").GetBoolean())
    {
        throw new InvalidOperationException("push failed: " + result);
    }
    var accepted = result.GetProperty("accepted").GetInt32();
    var refused = result.GetProperty("refused").GetInt32();
    Console.WriteLine(string.Create(culture,
        $"{label}: {count:N0} objects in the collection, {result.GetProperty("batches").GetInt32():N0} batches, {accepted:N0} accepted, {refused:N0} refused by node B in {clock.Elapsed.TotalSeconds:N1} s: {(accepted + refused) / clock.Elapsed.TotalSeconds:N0} objects per second; process CPU (both nodes) {pushCpu.TotalMilliseconds * 1000 / Math.Max(1, accepted + refused):N1} ms per 1,000 objects; {collections}"));
    sampler?.Print(15);
}

// 4. Bundle import.
if (options.BundleMegabytes > 0)
{
    var analyst = await nodeB.ClientAsync("pk.analyst");
    analyst.Timeout = TimeSpan.FromMinutes(30);
    foreach (var megabytes in new[] { Math.Max(1, options.BundleMegabytes / 4), options.BundleMegabytes })
    {
        var file = Path.Combine(scratch, $"bundle-{megabytes}.json");
        var count = BundleFile.Write(file, megabytes * 1024L * 1024);
        var target = await Node.CreateCollectionAsync(analyst);
        using var sampler = new MemorySampler();
        watch.Restart();
        await using var stream = File.OpenRead(file);
        var content = new StreamContent(stream, 64 * 1024);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var response = await analyst.PostAsync($"/api/intelligence/collections/{target}/import?tlp=GREEN&releaseTo=CN-MPS", content);
        var body = await response.Content.ReadAsStringAsync();
        watch.Stop();
        var (heap, workingSet) = sampler.Stop();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"import: {(int)response.StatusCode} {body[..Math.Min(body.Length, 500)]}");
        }
        var report = JsonDocument.Parse(body).RootElement;
        Console.WriteLine(string.Create(culture,
            $"import: {new FileInfo(file).Length / 1e6:N0} MB bundle, {count:N0} objects ({report.GetProperty("accepted").GetInt32():N0} accepted, {report.GetProperty("refused").GetInt32():N0} refused) in {watch.Elapsed.TotalSeconds:N1} s: {count / watch.Elapsed.TotalSeconds:N0} objects per second; managed heap {sampler.BaselineHeap / 1e6:N0} -> peak {heap / 1e6:N0} MB, working set {sampler.BaselineWorkingSet / 1e6:N0} -> peak {workingSet / 1e6:N0} MB"));
        File.Delete(file);
    }
}

if (options.Keep)
{
    Console.WriteLine($"kept: {scratch} (SQLite files; PostgreSQL databases are dropped)");
    return;
}
await nodeB.DisposeAsync();
await nodeA.DisposeAsync();
try
{
    Directory.Delete(scratch, recursive: true);
}
catch (IOException)
{
    // Left to the OS temp cleaner.
}

static double Median(List<double> values) => Percentile(values, 0.5);

static double Percentile(List<double> values, double p)
{
    var sorted = values.Order().ToList();
    return sorted[Math.Min(sorted.Count - 1, (int)Math.Floor(p * sorted.Count))];
}

namespace Jsms.IntelBench
{
    internal sealed record BenchOptions(string Provider, string? PostgresServer, int Objects, int PullPages, int PushObjects, int BundleMegabytes,
        bool Trace, bool Explain, bool Keep, int Warmup, bool SkipPages, bool Allocations)
    {
        public static BenchOptions Parse(string[] args)
        {
            string provider = "sqlite";
            string? server = null;
            int objects = 1_000_000, pullPages = 200, pushObjects = 50_000, bundle = 100;
            var trace = false;
            var explain = false;
            var keep = false;
            var warmup = 10_000;
            var skipPages = false;
            var allocations = false;
            for (var i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "postgres":
                        provider = "postgres";
                        server = args[++i];
                        break;
                    case "--keep":
                        keep = true;
                        break;
                    case "--warmup":
                        warmup = int.Parse(args[++i], CultureInfo.InvariantCulture);
                        break;
                    case "--allocations":
                        allocations = true;
                        break;
                    case "--skip-pages":
                        skipPages = true;
                        break;
                    case "--trace":
                        trace = true;
                        break;
                    case "--explain":
                        explain = true;
                        break;
                    case "--push-objects":
                        pushObjects = int.Parse(args[++i], CultureInfo.InvariantCulture);
                        break;
                    case "--objects":
                        objects = int.Parse(args[++i], CultureInfo.InvariantCulture);
                        break;
                    case "--pull-pages":
                        pullPages = int.Parse(args[++i], CultureInfo.InvariantCulture);
                        break;
                    case "--bundle-mb":
                        bundle = int.Parse(args[++i], CultureInfo.InvariantCulture);
                        break;
                    default:
                        throw new ArgumentException($"Unknown argument '{args[i]}'.");
                }
            }
            return new BenchOptions(provider, server, objects, pullPages, pushObjects, bundle, trace, explain, keep, warmup, skipPages, allocations);
        }
    }

    /// <summary>One JSMS node: the real app on a loopback port with its own database and the demo accounts.</summary>
    internal sealed class Node : IAsyncDisposable
    {
        private readonly string? _postgresName;
        private readonly string? _postgresServer;
        private bool _disposed;

        private Node(WebApplication app, Uri baseAddress, string? postgresServer, string? postgresName)
        {
            App = app;
            BaseAddress = baseAddress;
            _postgresServer = postgresServer;
            _postgresName = postgresName;
        }

        public WebApplication App { get; }

        public Uri BaseAddress { get; }

        public bool IsPostgres => _postgresName is not null;

        public static async Task<Node> StartAsync(string name, BenchOptions options, string scratch)
        {
            var arguments = new List<string>
            {
                "--urls=http://127.0.0.1:0",
                $"--Jsms:DataDirectory={Path.Combine(scratch, name)}",
                "--Jsms:Demo=true",
                "--Jsms:MigrateOnStart=true",
                $"--Jsms:Database={options.Provider}",
                "--Jsms:MaxRequestBodyBytes=1073741824",
                "--Jsms:Intelligence:MaxImportBytes=1073741824",
                "--Jsms:Intelligence:PullTimeoutSeconds=300",
                $"--Jsms:Intelligence:MaxPullPages={Math.Max(options.Warmup / 1000 + 2, options.PullPages)}",
                "--Logging:LogLevel:Default=Warning",
                "--Logging:LogLevel:Microsoft.EntityFrameworkCore=Error",
                "--Logging:LogLevel:Jsms.Features.Intelligence.TaxiiPuller=Warning",
            };
            string? database = null;
            if (options.PostgresServer is { } server)
            {
                database = $"jsms_intelbench_{name}_{Guid.NewGuid().ToString("N")[..8]}";
                await using var connection = new NpgsqlConnection(server);
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
                await command.ExecuteNonQueryAsync();
                arguments.Add($"--ConnectionStrings:Jsms={new NpgsqlConnectionStringBuilder(server) { Database = database }}");
            }
            var app = JsmsApp.Build([.. arguments]);
            await JsmsApp.PrepareAsync(app.Services);
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            return new Node(app, new Uri(address + "/"), options.PostgresServer, database);
        }

        public async Task<string> TokenAsync(string user)
        {
            using var anonymous = new HttpClient { BaseAddress = BaseAddress };
            var response = await anonymous.PostAsJsonAsync("/api/auth/token", new { username = user, password = Jsms.Features.Demo.DemoScenario.DemoPassword });
            response.EnsureSuccessStatusCode();
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("accessToken").GetString()!;
        }

        /// <summary>A client with a bearer token that accepts TAXII 2.1 (and JSON for the API).</summary>
        public async Task<HttpClient> ClientAsync(string user)
        {
            var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(30) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(user));
            client.DefaultRequestHeaders.Accept.ParseAdd("application/taxii+json;version=2.1");
            client.DefaultRequestHeaders.Accept.ParseAdd("application/json");
            return client;
        }

        public static async Task<Guid> CreateCollectionAsync(HttpClient client)
        {
            var response = await client.PostAsJsonAsync("/api/intelligence/collections", new { title = "Bench " + Guid.NewGuid().ToString("N")[..8], defaultTlp = "AMBER" });
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException(body);
            }
            return JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
        }

        public async Task<T> WithDb<T>(Func<JsmsDbContext, Task<T>> work)
        {
            await using var scope = App.Services.CreateAsyncScope();
            return await work(scope.ServiceProvider.GetRequiredService<JsmsDbContext>());
        }

        /// <summary>Fresh planner statistics after the bulk load (what autovacuum / a DBA would have done).</summary>
        public Task AnalyzeAsync() => WithDb(async db =>
        {
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
            await db.Database.ExecuteSqlRawAsync(IsPostgres ? "ANALYZE" : "ANALYZE");
            return 0;
        });

        /// <summary>The plan of a statement: EXPLAIN (ANALYZE, BUFFERS) on PostgreSQL, EXPLAIN QUERY PLAN on SQLite.</summary>
        public Task<List<string>> ExplainAsync(string sql, List<System.Data.Common.DbParameter> parameters) => WithDb(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = (IsPostgres ? "EXPLAIN (ANALYZE, BUFFERS) " : "EXPLAIN QUERY PLAN ") + sql;
            foreach (var parameter in parameters)
            {
                command.Parameters.Add(parameter);
            }
            var lines = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add(IsPostgres ? reader.GetString(0) : $"{reader.GetValue(0)} {reader.GetValue(1)} {reader.GetValue(3)}");
            }
            return lines;
        });

        public async ValueTask DisposeAsync()
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            await App.StopAsync();
            await App.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (_postgresName is not null)
            {
                NpgsqlConnection.ClearAllPools();
                await using var connection = new NpgsqlConnection(_postgresServer);
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", connection);
                await command.ExecuteNonQueryAsync();
            }
        }
    }

    /// <summary>
    /// Seeds a collection with generated STIX objects of pk.analyst's agency (PK-NACTA). Per 20 objects: 1 CLEAR, 7 GREEN,
    /// 8 AMBER released to CN-MPS, 2 AMBER unreleased, 1 AMBER+STRICT with cn.liaison as named recipient, 1 RED; ten
    /// types; every tenth row is a second version of an earlier object. The JSON is what the importer would store.
    /// </summary>
    internal static class Seeder
    {
        public const int Batch = 50_000;

        private static readonly string[] Types = ["indicator", "report", "threat-actor", "malware", "attack-pattern", "identity", "location", "tool", "vulnerability", "campaign"];

        public static async Task SeedAsync(Node node, Guid collection, int count)
        {
            var (agency, partnerAgency, user, recipient, start) = await node.WithDb(async db =>
            {
                var pk = await db.Set<Agency>().Where(a => a.Code == "PK-NACTA").Select(a => a.Id).SingleAsync();
                var cn = await db.Set<Agency>().Where(a => a.Code == "CN-MPS").Select(a => a.Id).SingleAsync();
                var analyst = await db.Users.Where(u => u.UserName == "pk.analyst").Select(u => u.Id).SingleAsync();
                var liaison = await db.Users.Where(u => u.UserName == "cn.liaison").Select(u => u.Id).SingleAsync();
                var last = await db.Set<StixObjectVersion>().Where(o => o.CollectionId == collection).MaxAsync(o => o.DateAdded);
                return (pk, cn, analyst, liaison, last);
            });
            var created = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            for (var offset = 0; offset < count; offset += Batch)
            {
                var rows = new List<StixObjectVersion>(Batch);
                var grants = new List<ReleaseGrant>();
                var recipients = new List<NamedRecipient>();
                for (var i = offset; i < Math.Min(count, offset + Batch); i++)
                {
                    // Every tenth row is version 2 of the object five rows earlier.
                    var second = i % 10 == 9;
                    var baseIndex = second ? i - 5 : i;
                    var type = Types[(int)(((uint)baseIndex * 2654435761u) >> 7) % Types.Length];
                    var stixId = $"{type}--{Uuid(baseIndex)}";
                    var modified = created.AddSeconds(baseIndex).AddDays(second ? 1 : 0);
                    var (tlp, releasedTo, named) = (baseIndex % 20) switch
                    {
                        0 => (Tlp.Clear, false, false),
                        <= 7 => (Tlp.Green, false, false),
                        <= 15 => (Tlp.Amber, true, false),
                        <= 17 => (Tlp.Amber, false, false),
                        18 => (Tlp.AmberStrict, false, true),
                        _ => (Tlp.Red, false, false),
                    };
                    var row = new StixObjectVersion
                    {
                        Id = Guid.NewGuid(),
                        CollectionId = collection,
                        StixId = stixId,
                        Type = type,
                        SpecVersion = "2.1",
                        Created = created.AddSeconds(baseIndex),
                        Modified = modified,
                        Version = StixTime.Format(modified),
                        DateAdded = start.AddTicks(10L * (i + 1)),
                        Name = $"Bench {type} {baseIndex}",
                        SearchText = $"bench {type} {baseIndex} generated for the intelligence benchmark",
                        OwnerAgencyId = agency,
                        CreatedByUserId = user,
                        Tlp = tlp,
                    };
                    row.Json = Json(row, tlp, releasedTo, named);
                    rows.Add(row);
                    if (releasedTo)
                    {
                        grants.Add(new ReleaseGrant { RecordId = row.Id, AgencyId = partnerAgency });
                    }
                    if (named)
                    {
                        recipients.Add(new NamedRecipient { RecordId = row.Id, UserId = recipient });
                    }
                }
                await node.WithDb(async db =>
                {
                    await BulkInsert.InsertAsync(db, rows);
                    await BulkInsert.InsertAsync(db, grants);
                    await BulkInsert.InsertAsync(db, recipients);
                    return 0;
                });
            }
        }

        private static string Uuid(int index) => new Guid(index, 0x4b1c, 0x4d2e, 0x8f, 0x10, 0x7a, 0x1b, 0x2c, 0x3d, 0x4e, 0x5f).ToString();

        private static string Json(StixObjectVersion row, Tlp tlp, bool releasedTo, bool named)
        {
            var extension = $"\"extension_type\":\"property-extension\",\"owner_agency\":\"PK-NACTA\"{(releasedTo ? ",\"release_to\":[\"CN-MPS\"]" : "")}{(named ? ",\"named_recipients\":[\"cn.liaison\"]" : "")}";
            var specific = row.Type switch
            {
                "indicator" => $",\"pattern\":\"[ipv4-addr:value = '10.{row.Name!.Length}.0.1']\",\"pattern_type\":\"stix\",\"valid_from\":\"{StixTime.Format(row.Created!.Value)}\"",
                "report" => $",\"report_types\":[\"threat-report\"],\"published\":\"{StixTime.Format(row.Created!.Value)}\",\"object_refs\":[\"{row.StixId}\"]",
                "malware" => ",\"is_family\":false",
                _ => "",
            };
            return $"{{\"type\":\"{row.Type}\",\"spec_version\":\"2.1\",\"id\":\"{row.StixId}\",\"created\":\"{StixTime.Format(row.Created!.Value)}\",\"modified\":\"{row.Version}\",\"name\":\"{row.Name}\",\"description\":\"Generated for the JSMS intelligence benchmark: an object of ordinary size with a short description of a few sentences, as analysts write them.\"{specific},\"object_marking_refs\":[\"{StixMarkings.Tlp2Ids[tlp]}\"],\"extensions\":{{\"{StixMarkings.ReleaseExtensionId}\":{{{extension}}}}}}}";
        }
    }

    /// <summary>Writes a STIX bundle of indicators of about the given size, streamed to disk.</summary>
    internal static class BundleFile
    {
        public static int Write(string path, long bytes)
        {
            using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
            using var writer = new Utf8JsonWriter(stream);
            writer.WriteStartObject();
            writer.WriteString("type", "bundle");
            writer.WriteString("id", $"bundle--{Guid.NewGuid()}");
            writer.WriteStartArray("objects");
            var count = 0;
            var description = string.Concat(Enumerable.Repeat("Observed in the benchmark traffic; analysts describe context, sources and confidence here. ", 8));
            while (writer.BytesCommitted + writer.BytesPending < bytes)
            {
                writer.WriteStartObject();
                writer.WriteString("type", "indicator");
                writer.WriteString("spec_version", "2.1");
                writer.WriteString("id", $"indicator--{Guid.NewGuid()}");
                writer.WriteString("created", "2026-03-01T10:00:00.000Z");
                writer.WriteString("modified", "2026-03-01T10:00:00.000Z");
                writer.WriteString("name", $"Bundle indicator {count}");
                writer.WriteString("description", description);
                writer.WriteString("pattern", $"[ipv4-addr:value = '10.{count / 65536 % 256}.{count / 256 % 256}.{count % 256}']");
                writer.WriteString("pattern_type", "stix");
                writer.WriteString("valid_from", "2026-03-01T10:00:00Z");
                writer.WriteEndObject();
                count++;
                if (count % 1000 == 0)
                {
                    writer.Flush();
                }
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
            return count;
        }
    }

    /// <summary>Samples the managed heap and the working set of this process (both nodes live in it) while it runs.</summary>
    internal sealed class MemorySampler : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;
        private long _heap, _workingSet;

        public MemorySampler()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            BaselineHeap = GC.GetTotalMemory(false);
            BaselineWorkingSet = Environment.WorkingSet;
            _loop = Task.Run(async () =>
            {
                while (!_stop.IsCancellationRequested)
                {
                    _heap = Math.Max(_heap, GC.GetTotalMemory(false));
                    _workingSet = Math.Max(_workingSet, Environment.WorkingSet);
                    try
                    {
                        await Task.Delay(20, _stop.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                }
            });
        }

        public long BaselineHeap { get; }

        public long BaselineWorkingSet { get; }

        public (long Heap, long WorkingSet) Stop()
        {
            _stop.Cancel();
            _loop.Wait();
            return (_heap, _workingSet);
        }

        public void Dispose()
        {
            _stop.Cancel();
            _stop.Dispose();
        }
    }
}

/// <summary>Collections per generation and the time paused, so a run shows what the exchange costs the collector.</summary>
internal readonly record struct GcCounts(int Gen0, int Gen1, int Gen2, TimeSpan Paused, long Allocated)
{
    public static GcCounts Now() => new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration(),
        GC.GetTotalAllocatedBytes());

    public static GcCounts operator -(GcCounts a, GcCounts b)
        => new(a.Gen0 - b.Gen0, a.Gen1 - b.Gen1, a.Gen2 - b.Gen2, a.Paused - b.Paused, a.Allocated - b.Allocated);

    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"GC {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}: gen0 {Gen0}, gen1 {Gen1}, gen2 {Gen2}, paused {Paused.TotalMilliseconds:N0} ms, allocated {Allocated / 1048576.0:N0} MB");
}
