using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Jsms.Features.Tracking;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Jsms.Bench;

/// <summary>
/// End to end over real HTTP against the real app (Kestrel, authentication, access policy, validation, storage, engine,
/// alert stream), in this process: 10,000 sites and 10,000 devices registered; <c>connections</c> workers post JSON
/// batches of <c>batch</c> positions (time = now) to /api/tracking/positions as fast as they are answered; meanwhile a
/// probe device steps into and out of site 0 every 200 ms and the time from sending its request to the arrival of its
/// alert on /api/alerts/stream is measured; working set and GC heap are sampled. Throughput is reported per window.
/// </summary>
internal static class HttpBench
{
    private const string TimePlaceholder = "2000-01-01T00:00:00.000Z";

    public static async Task RunAsync(string? postgres, int seconds, int windows, int connections, int batch, int sampleSeconds, int rate, int warmup, bool allocations)
    {
        var provider = postgres is null ? "sqlite" : "postgres";
        var (app, cleanup) = await BenchWorld.StartAppAsync(postgres, listen: true);
        try
        {
            var seedWatch = Stopwatch.StartNew();
            await BenchWorld.SeedAsync(app.Services, "pk.analyst", BenchWorld.Sites, BenchWorld.Subjects, DateTime.UtcNow);
            Console.WriteLine(string.Create(BenchWorld.Culture, $"http ({provider}): seeded {BenchWorld.Sites:N0} sites and {BenchWorld.Subjects:N0} devices in {seedWatch.Elapsed.TotalSeconds:N1} s; {connections} connections, batches of {batch:N0}, {(rate > 0 ? $"paced at {rate:N0} positions per second" : "unpaced")}, {windows} windows of {seconds} s"));
            var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections + 2, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
            using var http = new HttpClient(handler, disposeHandler: false) { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
            var token = await TokenAsync(http, "pk.analyst");
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

            using var stop = new CancellationTokenSource();
            var memory = new List<(double At, long WorkingSet, long Heap)>();
            var clock = Stopwatch.StartNew();
            var sampler = Task.Run(async () =>
            {
                using var process = Process.GetCurrentProcess();
                while (!stop.IsCancellationRequested)
                {
                    process.Refresh();
                    lock (memory)
                    {
                        memory.Add((clock.Elapsed.TotalSeconds, process.WorkingSet64, GC.GetTotalMemory(false)));
                    }
                    try
                    {
                        await Task.Delay(TimeSpan.FromSeconds(sampleSeconds), stop.Token);
                    }
                    catch (OperationCanceledException)
                    {
                    }
                }
            });

            // The load.
            long acknowledged = 0, failed = 0;
            // Latencies count from the first measured window: the warm-up's (JIT compiling, caches filling) are not the steady state.
            var measuring = false;
            var requestLatencies = new List<double>();
            var random = new Random(11);
            var homes = BenchWorld.Homes(random);
            var workers = Enumerable.Range(0, connections).Select(w =>
            {
                var bodies = Enumerable.Range(0, 8).Select(k => Body(homes, (w * 8 + k) * batch, batch, random)).ToArray();
                return Task.Run(async () =>
                {
                    var latencies = new List<double>();
                    // Paced (--rate: positions per second over all workers) or as fast as answered.
                    var interval = rate > 0 ? TimeSpan.FromSeconds((double)batch * connections / rate) : TimeSpan.Zero;
                    var next = Stopwatch.GetTimestamp();
                    for (var n = 0; !stop.IsCancellationRequested; n++)
                    {
                        if (rate > 0)
                        {
                            next += (long)(interval.TotalSeconds * Stopwatch.Frequency);
                            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), next);
                            if (wait > TimeSpan.Zero)
                            {
                                try
                                {
                                    await Task.Delay(wait, stop.Token);
                                }
                                catch (OperationCanceledException)
                                {
                                    break;
                                }
                            }
                        }
                        var (bytes, offsets) = bodies[n % bodies.Length];
                        var time = Encoding.ASCII.GetBytes(DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", BenchWorld.Culture));
                        foreach (var offset in offsets)
                        {
                            time.CopyTo(bytes, offset);
                        }
                        using var content = new ByteArrayContent(bytes);
                        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                        var started = Stopwatch.GetTimestamp();
                        try
                        {
                            using var response = await http.PostAsync("/api/tracking/positions", content, stop.Token);
                            if (response.IsSuccessStatusCode)
                            {
                                Interlocked.Add(ref acknowledged, batch);
                                if (Volatile.Read(ref measuring))
                                {
                                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                                }
                            }
                            else
                            {
                                Interlocked.Increment(ref failed);
                                Console.Error.WriteLine($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                            }
                        }
                        catch (OperationCanceledException) when (stop.IsCancellationRequested)
                        {
                        }
                    }
                    lock (requestLatencies)
                    {
                        requestLatencies.AddRange(latencies);
                    }
                });
            }).ToList();

            // The alert latency probe: a subscriber on the stream, a device stepping in and out of site 0.
            using var streamClient = new HttpClient { BaseAddress = address, Timeout = Timeout.InfiniteTimeSpan };
            streamClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var arrivals = Channel.CreateUnbounded<(string Kind, long At)>();
            var subscriber = SubscribeAsync(streamClient, arrivals.Writer, stop.Token);
            using var threadPool = new ThreadPoolSampler();
            using var probeServer = new ProbeRequestTimings();
            var alertLatencies = new List<double>();
            var fromReceipt = new List<double>();
            var probeResponses = new List<double>();
            var streamAfterResponse = new List<double>();
            var missed = 0;
            var probe = Task.Run(async () =>
            {
                var (lat, lon) = BenchWorld.Corner(0);
                var inside = false;
                await Task.Delay(TimeSpan.FromSeconds(2), stop.Token);
                while (!stop.IsCancellationRequested)
                {
                    inside = !inside;
                    var expected = inside ? "site.enter" : "site.leave";
                    var body = new[] { new { deviceId = "bench-00000", time = DateTime.UtcNow, latitude = inside ? lat + 0.00075 : 23.0, longitude = inside ? lon + 0.00075 : 65.0 } };
                    var sent = Stopwatch.GetTimestamp();
                    using (var response = await http.PostAsJsonAsync("/api/tracking/positions", body, stop.Token))
                    {
                        response.EnsureSuccessStatusCode();
                    }
                    var responded = Stopwatch.GetTimestamp();
                    var received = probeServer.LastReceived;
                    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
                    timeout.CancelAfter(TimeSpan.FromSeconds(10));
                    try
                    {
                        while (true)
                        {
                            var (kind, at) = await arrivals.Reader.ReadAsync(timeout.Token);
                            if (kind == expected && !Volatile.Read(ref measuring))
                            {
                                break;
                            }
                            if (kind == expected)
                            {
                                alertLatencies.Add(Stopwatch.GetElapsedTime(sent, at).TotalMilliseconds);
                                fromReceipt.Add(Stopwatch.GetElapsedTime(received, at).TotalMilliseconds);
                                // The event is published before the request is answered: a negative gap is normal.
                                probeResponses.Add(Stopwatch.GetElapsedTime(sent, responded).TotalMilliseconds);
                                streamAfterResponse.Add(Stopwatch.GetElapsedTime(responded, at).TotalMilliseconds);
                                break;
                            }
                        }
                    }
                    catch (OperationCanceledException) when (!stop.IsCancellationRequested)
                    {
                        missed += Volatile.Read(ref measuring) ? 1 : 0;
                    }
                    await Task.Delay(200, stop.Token);
                }
            });

            // Warm-up, then the measured windows.
            // Warm-up: at least the given time, then until the JIT has settled (tiered compilation recompiles the hot code
            // for a while, and much longer when other processes hold the cores), at most two more minutes.
            await Task.Delay(TimeSpan.FromSeconds(warmup));
            for (var settling = 0; settling < 60; settling++)
            {
                var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
                await Task.Delay(TimeSpan.FromSeconds(2));
                if (System.Runtime.JitInfo.GetCompiledMethodCount() - compiled < 20)
                {
                    break;
                }
            }
            Volatile.Write(ref measuring, true);
            probeServer.Restart();
            using var allocationSampler = allocations ? new AllocationSampler() : null;
            using var stages = new StageTimings();

            var rates = new List<double>();
            var cpuPer = new List<double>();
            var serverCpuPer = new List<double>();
            var postgresServer = postgres is null ? null : await PostgresServer.FindAsync(postgres);
            if (postgresServer is not null)
            {
                Console.WriteLine($"  PostgreSQL server: {postgresServer.Durability}, {(postgresServer.IsLocal ? "on this machine (its CPU is counted)" : "elsewhere")}");
            }
            var server = postgresServer is { IsLocal: true } ? postgresServer : null;
            using var self = Process.GetCurrentProcess();
            for (var w = 0; w < windows; w++)
            {
                var before = Interlocked.Read(ref acknowledged);
                self.Refresh();
                var cpu = self.TotalProcessorTime;
                var serverCpu = server?.Cpu() ?? TimeSpan.Zero;
                var (allocated, paused, jitted) = (GC.GetTotalAllocatedBytes(), GC.GetTotalPauseDuration(), System.Runtime.JitInfo.GetCompiledMethodCount());
                var started = Stopwatch.GetTimestamp();
                await Task.Delay(TimeSpan.FromSeconds(seconds));
                var count = Interlocked.Read(ref acknowledged) - before;
                var achieved = count / Stopwatch.GetElapsedTime(started).TotalSeconds;
                self.Refresh();
                var cpuPerPosition = (self.TotalProcessorTime - cpu).TotalMicroseconds / Math.Max(1, count);
                var serverCpuPerPosition = server is null ? 0 : (server.Cpu() - serverCpu).TotalMicroseconds / Math.Max(1, count);
                rates.Add(achieved);
                cpuPer.Add(cpuPerPosition);
                serverCpuPer.Add(serverCpuPerPosition);
                // Allocation per position does not depend on the machine's load; methods compiled show whether the JIT had settled.
                Console.WriteLine(string.Create(BenchWorld.Culture, $"  window {w + 1}: {achieved:N0} positions per second acknowledged (stored and through the engine); {cpuPerPosition:N1} µs CPU per position (server and load driver){(server is null ? "" : $", PostgreSQL {serverCpuPerPosition:N1} µs")}; {(GC.GetTotalAllocatedBytes() - allocated) / (double)Math.Max(1, count):N0} bytes allocated per position, GC paused {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds / seconds / 10:N1}% of the time, {System.Runtime.JitInfo.GetCompiledMethodCount() - jitted:N0} methods compiled"));
            }
            allocationSampler?.Print(25);
            await stop.CancelAsync();
            await Task.WhenAll(workers);
            await Quietly(probe);
            await Quietly(subscriber);
            await sampler;

            var stats = app.Services.GetRequiredService<TrackingCounters>();
            Console.WriteLine(string.Create(BenchWorld.Culture, $"http ({provider}): median {Median(rates):N0} positions per second over {windows} windows of {seconds} s (min {rates.Min():N0}, max {rates.Max():N0}); {failed} failed requests; {stats.Positions:N0} stored in all, {stats.Alerts:N0} alerts; median {Median(cpuPer):N1} µs CPU per position{(server is null ? "" : $" and {Median(serverCpuPer):N1} µs in PostgreSQL")}, i.e. {2e6 / (Median(cpuPer) + (server is null ? 0 : Median(serverCpuPer))):N0} per second if {(server is null ? "this process" : "this process and the server")} had both cores to themselves"));
            Console.WriteLine(string.Create(BenchWorld.Culture, $"  request latency (batch of {batch:N0}): median {Percentile(requestLatencies, 0.5):N0} ms, p99 {Percentile(requestLatencies, 0.99):N0} ms"));
            Console.WriteLine(string.Create(BenchWorld.Culture, $"  alert latency (request sent -> SSE event received), {alertLatencies.Count} alerts: median {Percentile(alertLatencies, 0.5):N1} ms, p99 {Percentile(alertLatencies, 0.99):N1} ms, max {(alertLatencies.Count > 0 ? alertLatencies.Max() : double.NaN):N1} ms; {missed} missed"));
            Console.WriteLine(string.Create(BenchWorld.Culture, $"  alert latency from the server's receipt of the request (ASP.NET Core hosting start) -> SSE event received: median {Percentile(fromReceipt, 0.5):N1} ms, p99 {Percentile(fromReceipt, 0.99):N1} ms, max {(fromReceipt.Count > 0 ? fromReceipt.Max() : double.NaN):N1} ms"));
            Console.WriteLine(string.Create(BenchWorld.Culture, $"  of which the probe's request (sent -> answered): median {Percentile(probeResponses, 0.5):N1} ms, p99 {Percentile(probeResponses, 0.99):N1} ms; event after the answer: median {Percentile(streamAfterResponse, 0.5):N1} ms, p99 {Percentile(streamAfterResponse, 0.99):N1} ms"));
            probeServer.Print();
            stages.Print();
            threadPool.Print();
            var afterWarmUp = memory.Where(m => m.At >= 5).ToList();
            if (afterWarmUp.Count > 0)
            {
                Console.WriteLine(string.Create(BenchWorld.Culture, $"  memory over {afterWarmUp[^1].At - afterWarmUp[0].At:N0} s ({afterWarmUp.Count} samples): working set start {afterWarmUp[0].WorkingSet / 1e6:N0} MB, end {afterWarmUp[^1].WorkingSet / 1e6:N0} MB, max {afterWarmUp.Max(m => m.WorkingSet) / 1e6:N0} MB; GC heap start {afterWarmUp[0].Heap / 1e6:N0} MB, end {afterWarmUp[^1].Heap / 1e6:N0} MB, max {afterWarmUp.Max(m => m.Heap) / 1e6:N0} MB"));
            }
        }
        finally
        {
            await cleanup();
        }
    }

    /// <summary>A JSON batch of positions of consecutive devices (1..9999; device 0 is the probe), with the offsets of the time placeholders.</summary>
    private static (byte[] Bytes, int[] Offsets) Body((double Lat, double Lon)[] homes, int first, int count, Random random)
    {
        var text = new StringBuilder("[");
        var offsets = new List<int>(count);
        for (var i = 0; i < count; i++)
        {
            var d = 1 + (first + i) % (BenchWorld.Subjects - 1);
            if (i > 0)
            {
                text.Append(',');
            }
            text.Append(BenchWorld.Culture, $"{{\"deviceId\":\"bench-{d:D5}\",\"time\":\"");
            offsets.Add(text.Length);
            text.Append(TimePlaceholder);
            text.Append(BenchWorld.Culture, $"\",\"latitude\":{homes[d].Lat + random.NextDouble() * 0.0002:F6},\"longitude\":{homes[d].Lon + random.NextDouble() * 0.0002:F6},\"speed\":{random.NextDouble() * 20:F1}}}");
        }
        text.Append(']');
        // ASCII only, so character offsets are byte offsets.
        return (Encoding.ASCII.GetBytes(text.ToString()), [.. offsets]);
    }

    private static async Task SubscribeAsync(HttpClient client, ChannelWriter<(string Kind, long At)> arrivals, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/alerts/stream");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("data:", StringComparison.Ordinal) && line.Contains("\"PROBE\"", StringComparison.Ordinal))
            {
                var at = Stopwatch.GetTimestamp();
                using var json = JsonDocument.Parse(line[5..]);
                arrivals.TryWrite((json.RootElement.GetProperty("kind").GetString()!, at));
            }
        }
    }

    private static async Task<string> TokenAsync(HttpClient http, string username)
    {
        using var response = await http.PostAsJsonAsync("/api/auth/token", new { username, password = Features.Demo.DemoScenario.DemoPassword });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    private static async Task Quietly(Task task)
    {
        try
        {
            await task;
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or HttpRequestException)
        {
            // Stopped.
        }
    }

    private static double Median(List<double> values) => Percentile(values, 0.5);

    private static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }
}
