using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Jsms.Features.Screening;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Jsms.Benchmarks;

/// <summary>
/// Screening over real HTTP against the real app (Kestrel, bearer token, validation, matcher, the stored and audited
/// record), in this process, UN + OFAC imported. Single names: <c>clients</c> workers post one name each to
/// /api/screening/search as fast as they are answered, for <c>runs</c> windows of <c>seconds</c>; batches: one client
/// uploads CSVs of <c>batchRows</c> names to /api/screening/batch, <c>runs</c> times. Medians of the runs; the audit chain
/// is verified and the stored screenings counted at the end, so no record was dropped.
/// </summary>
internal static class HttpScreeningBench
{
    public static async Task<int> RunAsync(string data, string project, string[] args)
    {
        var postgres = Option(args, "--postgres");
        var clients = int.Parse(Option(args, "--clients") ?? "8", CultureInfo.InvariantCulture);
        var seconds = int.Parse(Option(args, "--seconds") ?? "5", CultureInfo.InvariantCulture);
        var runs = int.Parse(Option(args, "--runs") ?? "5", CultureInfo.InvariantCulture);
        var batchRows = int.Parse(Option(args, "--batch-rows") ?? "5000", CultureInfo.InvariantCulture);
        var names = ScreeningBench.ReadCsv(Path.Combine(data, "names", "un-listed-persons-queries.csv")).Select(r => r["full_name"])
            .Concat(ScreeningBench.ReadCsv(Path.Combine(project, "data", "non-listed-names.csv")).Select(r => r["name"]))
            .Where(n => !string.IsNullOrWhiteSpace(n)).ToArray();
        var (app, cleanup) = await StartAppAsync(postgres);
        try
        {
            var importWatch = Stopwatch.StartNew();
            await ImportAsync(app.Services, data);
            var provider = postgres is null ? "sqlite" : "postgres";
            Console.WriteLine($"http screening ({provider}): UN + OFAC imported in {importWatch.Elapsed.TotalSeconds:0.0} s; {names.Length:N0} different names; load {Load()}");
            var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients + 2, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
            using var http = new HttpClient(handler, disposeHandler: false) { BaseAddress = address, Timeout = TimeSpan.FromMinutes(5) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(http, "pk.analyst"));

            // Warm up: JIT, connection pools, the index.
            await SingleAsync(http, names, clients, TimeSpan.FromSeconds(2));
            var single = new List<double>();
            // Process CPU time and allocations per screening: the server and the benchmark's own clients together (one process).
            var singleCpu = new List<double>();
            var singleBytes = new List<double>();
            var singlePostgres = new List<double>();
            var batchCpu = new List<double>();
            var batchBytes = new List<double>();
            var matcher = new List<double>();
            var latencies = new List<double>();
            var index = app.Services.GetRequiredService<ScreeningIndexHolder>().Current;
            for (var run = 0; run < runs; run++)
            {
                // The matcher alone, one thread, in the same minute: the shared machine's load moves both alike, so the
                // ratio of the two is what a run says about the HTTP path.
                matcher.Add(MatcherRate(index, names, TimeSpan.FromSeconds(seconds)));
                var cost = Cost.Start();
                var (count, elapsed, times) = await SingleAsync(http, names, clients, TimeSpan.FromSeconds(seconds));
                var (cpuMs, bytes, postgresMs) = cost.Per(count);
                singleCpu.Add(cpuMs);
                singlePostgres.Add(postgresMs);
                singleBytes.Add(bytes);
                single.Add(count / elapsed.TotalSeconds);
                latencies.AddRange(times);
                Console.WriteLine($"  run {run + 1}: matcher alone {matcher[^1]:N0}/s (one thread); single names over HTTP, {clients} clients: {count:N0} in {elapsed.TotalSeconds:0.00} s = {count / elapsed.TotalSeconds:N0}/s, {count / elapsed.TotalSeconds / matcher[^1]:0.00} of the matcher; {cpuMs:0.000} CPU ms, {bytes / 1024:0.0} KiB per screening{(postgres is null ? "" : $", PostgreSQL {postgresMs:0.000} CPU ms")} (load {Load()})");
            }
            latencies.Sort();
            var batch = new List<double>();
            var batchMatcher = new List<double>();
            for (var run = 0; run < runs; run++)
            {
                var csv = new StringBuilder("name\r\n");
                for (var i = 0; i < batchRows; i++)
                {
                    csv.Append('"').Append(names[(run * batchRows + i) % names.Length].Replace("\"", "\"\"", StringComparison.Ordinal)).Append("\"\r\n");
                }
                var alone = BatchMatcherRate(index, names, run * batchRows, batchRows);
                var cost = Cost.Start();
                var watch = Stopwatch.StartNew();
                using var form = new MultipartFormDataContent { { new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"), "file", "names.csv" } };
                using var response = await http.PostAsync("/api/screening/batch", form);
                response.EnsureSuccessStatusCode();
                await response.Content.ReadAsByteArrayAsync();
                batch.Add(batchRows / watch.Elapsed.TotalSeconds);
                var (batchCpuMs, batchAllocated, _) = cost.Per(batchRows);
                batchCpu.Add(batchCpuMs);
                batchBytes.Add(batchAllocated);
                batchMatcher.Add(alone);
                Console.WriteLine($"  batch run {run + 1}: matcher alone (all cores, as the endpoint runs it) {alone:N0} names/s; {batchRows:N0} names over HTTP in {watch.Elapsed.TotalSeconds:0.00} s = {batch[^1]:N0} names/s, {batch[^1] / alone:0.00} of the matcher; {batchCpuMs:0.000} CPU ms, {batchAllocated / 1024:0.0} KiB per name (load {Load()})");
            }
            var (stored, chain) = await CheckAsync(app.Services);
            Console.WriteLine($"matcher alone, one thread: median {Median(matcher):N0} screenings/s; all cores, batch names: median {Median(batchMatcher):N0} names/s");
            Console.WriteLine($"single names, {clients} concurrent clients: median {Median(single):N0} screenings/s (runs {string.Join(", ", single.Select(r => r.ToString("N0", CultureInfo.InvariantCulture)))}); "
                + $"latency p50 {Percentile(latencies, 0.5):0.0} ms, p99 {Percentile(latencies, 0.99):0.0} ms; median {Median(singleCpu):0.000} CPU ms and {Median(singleBytes) / 1024:0.0} KiB allocated per screening (server and clients)"
                + (postgres is null ? "" : $"; PostgreSQL server median {Median(singlePostgres):0.000} CPU ms per screening"));
            Console.WriteLine($"batch endpoint, {batchRows:N0} names per file: median {Median(batch):N0} names/s (runs {string.Join(", ", batch.Select(r => r.ToString("N0", CultureInfo.InvariantCulture)))}); "
                + $"median {Median(batchCpu):0.000} CPU ms and {Median(batchBytes) / 1024:0.0} KiB allocated per name");
            Console.WriteLine($"stored screenings: {stored:N0}; audit chain: {chain}; load {Load()}");
            return 0;
        }
        finally
        {
            await cleanup();
        }
    }

    private static async Task<(int Count, TimeSpan Elapsed, List<double> Latencies)> SingleAsync(HttpClient http, string[] names, int clients, TimeSpan duration)
    {
        var next = -1;
        var watch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            var times = new List<double>();
            while (watch.Elapsed < duration)
            {
                var name = names[(int)((uint)Interlocked.Increment(ref next) % (uint)names.Length)];
                var start = Stopwatch.GetTimestamp();
                using var response = await http.PostAsJsonAsync("/api/screening/search", new { name });
                response.EnsureSuccessStatusCode();
                await response.Content.ReadAsByteArrayAsync();
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
            return times;
        })).ToList();
        var all = (await Task.WhenAll(workers)).SelectMany(t => t).ToList();
        return (all.Count, watch.Elapsed, all);
    }

    private static double MatcherRate(Features.Screening.Matching.ScreeningIndex index, string[] names, TimeSpan duration)
    {
        var watch = Stopwatch.StartNew();
        var count = 0;
        while (watch.Elapsed < duration)
        {
            index.Search(new Features.Screening.Matching.ScreeningQuery(names[count++ % names.Length]), Features.Screening.Matching.ScreeningIndex.DefaultThreshold, 10);
        }
        return count / watch.Elapsed.TotalSeconds;
    }

    private static double BatchMatcherRate(Features.Screening.Matching.ScreeningIndex index, string[] names, int from, int count)
    {
        var watch = Stopwatch.StartNew();
        _ = Enumerable.Range(from, count).AsParallel().AsOrdered()
            .Select(i => index.Search(new Features.Screening.Matching.ScreeningQuery(names[i % names.Length]), Features.Screening.Matching.ScreeningIndex.DefaultThreshold, 5)).ToList();
        return count / watch.Elapsed.TotalSeconds;
    }

    private static async Task<(int Stored, string Chain)> CheckAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Platform.Database.JsmsDbContext>();
        var stored = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Set<ScreeningRecord>());
        var verification = await Platform.Audit.AuditTrail.VerifyAsync(db);
        return (stored, verification.Intact ? $"{verification.EntriesChecked:N0} entries verified" : "BROKEN: " + verification.Problem);
    }

    private static async Task ImportAsync(IServiceProvider services, string data)
    {
        await using var scope = services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<ListImporter>();
        var sanctions = Path.Combine(data, "sanctions");
        await using (var xml = File.OpenRead(Path.Combine(sanctions, "un-consolidated-2026-02-27.xml")))
        {
            await importer.ImportUnAsync(xml, "un.xml", "bench");
        }
        await using var sdn = File.OpenRead(Path.Combine(sanctions, "ofac-sdn-2021.csv"));
        await using var alt = File.OpenRead(Path.Combine(sanctions, "ofac-alt-2021.csv"));
        await using var add = File.OpenRead(Path.Combine(sanctions, "ofac-add-2021.csv"));
        await importer.ImportOfacAsync(sdn, alt, add, "sdn, alt, add", "bench");
    }

    /// <summary>The real app on a free port with its own database (SQLite in a temp folder, or a new database on the given PostgreSQL server).</summary>
    private static async Task<(WebApplication App, Func<Task> Cleanup)> StartAppAsync(string? postgresServer)
    {
        var folder = Path.Combine(Path.GetTempPath(), "jsms-bench-" + Guid.NewGuid().ToString("N")[..8]);
        var arguments = new List<string>
        {
            $"--Jsms:DataDirectory={folder}", "--Jsms:MigrateOnStart=true", "--Jsms:Demo=true", "--Jsms:TokenLifetimeMinutes=600",
            "--urls=http://127.0.0.1:0", $"--Jsms:Database={(postgresServer is null ? "sqlite" : "postgres")}",
        };
        string? database = null;
        if (postgresServer is not null)
        {
            database = "jsms_bench_" + Guid.NewGuid().ToString("N")[..12];
            await using (var connection = new NpgsqlConnection(postgresServer))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
                await command.ExecuteNonQueryAsync();
            }
            arguments.Add($"--ConnectionStrings:Jsms={new NpgsqlConnectionStringBuilder(postgresServer) { Database = database }}");
        }
        var app = JsmsApp.Build([.. arguments], b => b.Logging.SetMinimumLevel(LogLevel.Warning));
        await JsmsApp.PrepareAsync(app.Services);
        await app.StartAsync();
        return (app, async () =>
        {
            await app.StopAsync();
            await app.DisposeAsync();
            if (database is not null)
            {
                NpgsqlConnection.ClearAllPools();
                await using var connection = new NpgsqlConnection(postgresServer);
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
                await command.ExecuteNonQueryAsync();
            }
            else
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException)
                {
                    // SQLite may still hold the file: the temp folder is cleaned by the OS.
                }
            }
        });
    }

    private static async Task<string> TokenAsync(HttpClient http, string username)
    {
        using var response = await http.PostAsJsonAsync("/api/auth/token", new { username, password = Features.Demo.DemoScenario.DemoPassword });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    /// <summary>Process CPU time and bytes allocated (all threads) since <see cref="Start"/>, per unit of work.</summary>
    /// <summary>
    /// CPU time and allocations of this process (server and clients), and CPU time of the PostgreSQL server's processes
    /// on this machine (read from /proc; 0 without PostgreSQL): on two shared cores, both decide the rate, and CPU per
    /// screening moves less with the machine's load than the rate does.
    /// </summary>
    private readonly record struct Cost(TimeSpan Cpu, long Bytes, double PostgresMs)
    {
        public static Cost Start() => new(Process.GetCurrentProcess().TotalProcessorTime, GC.GetTotalAllocatedBytes(precise: true), PostgresCpuMs());

        public (double CpuMs, double Bytes, double PostgresMs) Per(int count)
            => ((Process.GetCurrentProcess().TotalProcessorTime - Cpu).TotalMilliseconds / Math.Max(1, count),
                (double)(GC.GetTotalAllocatedBytes(precise: true) - Bytes) / Math.Max(1, count),
                (PostgresCpuMs() - PostgresMs) / Math.Max(1, count));

        private static double PostgresCpuMs()
        {
            var ticks = 0L;
            foreach (var dir in Directory.Exists("/proc") ? Directory.EnumerateDirectories("/proc") : [])
            {
                try
                {
                    var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                    var close = stat.LastIndexOf(')');
                    if (close < 0 || !stat.AsSpan(0, close).EndsWith("(postgres", StringComparison.Ordinal))
                    {
                        continue;
                    }
                    // Fields after the name: state is 3rd, utime the 14th and stime the 15th of the whole line.
                    var fields = stat[(close + 2)..].Split(' ');
                    ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                }
                catch (IOException)
                {
                }
                catch (UnauthorizedAccessException)
                {
                }
            }
            // Linux counts in clock ticks of 10 ms (USER_HZ 100).
            return ticks * 10.0;
        }
    }

    private static string? Option(string[] args, string name)
        => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];

    private static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
}
