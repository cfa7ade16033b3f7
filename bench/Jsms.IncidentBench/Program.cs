using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Jsms;
using Jsms.Features.Incidents;
using Jsms.IncidentBench;
using Jsms.Platform.Access;
using Jsms.Platform.Database;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

// Incidents benchmark (docs/incidents.md, "Figures"):
//   dotnet run -c Release --project bench/Jsms.IncidentBench [-- [--rows N] [--postgres] [--keep]]
// --postgres takes the server's connection string from JSMS_BENCH_POSTGRES (any database: the bench creates its own and drops
// it at the end); --keep leaves the database (and the SQLite folder) in place and prints where.
// 1. N generated GTD rows (default 200,000; a fixed seed: 2016–2025, 20 countries, their provinces, attack, weapon and target
//    types, groups, casualties) are written to a CSV file in a temporary folder, and a corrected copy (every 100th event with
//    one more killed);
// 2. the app's services are built on a fresh database (SQLite in that folder, or a database created on the PostgreSQL server);
// 3. as pk.analyst through IncidentImporter: the file is imported, imported again (which must change nothing), then the
//    corrected file (which must update exactly the corrected events);
// 4. the statistics of the ten years by month and by month and region (IncidentStatistics, as GET /api/incidents/statistics)
//    and the map of one year (GET /api/incidents/map's handler) are timed: one cold run, then the median of 7.
var culture = CultureInfo.InvariantCulture;
var rows = 200_000;
string? postgres = null;
var keep = false;
const int correctEvery = 100;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--rows" when i + 1 < args.Length:
            rows = int.Parse(args[++i], culture);
            break;
        case "--postgres":
            postgres = Environment.GetEnvironmentVariable("JSMS_BENCH_POSTGRES");
            if (string.IsNullOrWhiteSpace(postgres))
            {
                Console.Error.WriteLine("--postgres: set JSMS_BENCH_POSTGRES to the server's connection string");
                return 1;
            }
            break;
        case "--keep":
            keep = true;
            break;
        default:
            Console.Error.WriteLine($"unknown argument '{args[i]}'; usage: [--rows N] [--postgres] [--keep]");
            return 1;
    }
}

var scratch = Path.Combine(Path.GetTempPath(), "jsms-incidentbench-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(scratch);
var csv = Path.Combine(scratch, "gtd.csv");
var watch = Stopwatch.StartNew();
GtdFile.Write(csv, rows, seed: 18);
var corrected = Path.Combine(scratch, "gtd-corrected.csv");
GtdFile.Write(corrected, rows, seed: 18, correctEvery);
// The host is shared: its load average is printed at the start and the end, to go with the figures.
static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
Console.WriteLine($"load average at the start {Load()}");
Console.WriteLine(string.Create(culture, $"provider {(postgres is null ? "sqlite" : "postgres")}, {rows:N0} GTD rows ({new FileInfo(csv).Length / 1e6:N1} MB) written in {watch.Elapsed.TotalSeconds:N1} s, {Environment.ProcessorCount} cores"));

var arguments = new List<string>
{
    $"--Jsms:DataDirectory={Path.Combine(scratch, "data")}", "--Jsms:MigrateOnStart=true", "--Jsms:Demo=true",
    "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Microsoft.EntityFrameworkCore=Error",
    $"--Jsms:Database={(postgres is null ? "sqlite" : "postgres")}",
};
string? database = null;
if (postgres is not null)
{
    database = "jsms_incidentbench_" + Guid.NewGuid().ToString("N")[..12];
    await using var connection = new NpgsqlConnection(postgres);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
    await command.ExecuteNonQueryAsync();
    arguments.Add($"--ConnectionStrings:Jsms={new NpgsqlConnectionStringBuilder(postgres) { Database = database }}");
}
var app = JsmsApp.Build([.. arguments]);
var results = new List<(string What, string Figure, string Target)>();
try
{
    await JsmsApp.PrepareAsync(app.Services);
    Caller caller;
    await using (var scope = app.Services.CreateAsyncScope())
    {
        var db = scope.ServiceProvider.GetRequiredService<JsmsDbContext>();
        var userId = await db.Users.Where(u => u.NormalizedUserName == "PK.ANALYST").Select(u => u.Id).SingleAsync();
        caller = await Caller.ForUserAsync(userId, db) ?? throw new InvalidOperationException("pk.analyst is not an enabled user");
    }

    // Import, then the same file again, then the corrected file.
    foreach (var (pass, file) in new[] { ("import", csv), ("re-import", csv), ("corrected re-import", corrected) })
    {
        await using var scope = app.Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<IncidentImporter>();
        watch.Restart();
        await using var stream = File.OpenRead(file);
        var (outcome, markingErrors) = await importer.ImportAsync(caller, IncidentFileFormat.For("gtd")!, stream, new MarkingInput("GREEN", null, null), null, CancellationToken.None);
        watch.Stop();
        if (markingErrors is not null || outcome is null || !outcome.Stored)
        {
            foreach (var error in outcome?.Errors.Take(10) ?? [])
            {
                Console.Error.WriteLine($"  line {error.Line}, {error.Field}: {error.Problem}");
            }
            throw new InvalidOperationException($"{pass}: refused");
        }
        if (pass == "re-import" && (outcome.Added.Count > 0 || outcome.Updated.Count > 0))
        {
            throw new InvalidOperationException($"re-import changed the register: {outcome.Added.Count} added, {outcome.Updated.Count} updated");
        }
        var expected = (rows + correctEvery - 1) / correctEvery;
        if (pass == "corrected re-import" && (outcome.Added.Count > 0 || outcome.Updated.Count != expected))
        {
            throw new InvalidOperationException($"the corrected file: {outcome.Added.Count} added, {outcome.Updated.Count} updated, not {expected}");
        }
        var line = string.Create(culture, $"{outcome.Rows:N0} rows: {outcome.Added.Count:N0} added, {outcome.Updated.Count:N0} updated, {outcome.Unchanged.Count:N0} unchanged");
        Console.WriteLine(string.Create(culture, $"{pass}: {line} in {watch.Elapsed.TotalSeconds:N1} s (peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:N0} MB)"));
        results.Add(($"{pass} ({line})", string.Create(culture, $"{watch.Elapsed.TotalSeconds:N1} s"), pass switch { "import" => "< 60 s", "re-import" => "≤ import", _ => "" }));
    }

    var from = new DateOnly(GtdFile.FirstYear, 1, 1);
    var to = new DateOnly(GtdFile.FirstYear + GtdFile.Years - 1, 12, 31);
    await Time($"statistics {from.Year}–{to.Year} by month", "< 200 ms", async services =>
    {
        var dto = await services.GetRequiredService<IncidentStatistics>().ComputeAsync(caller, from, to, StatisticsDimension.Month, null, null);
        return $"{dto.Rows.Count:N0} rows";
    });
    await Time($"statistics {from.Year}–{to.Year} by month and region", "< 200 ms", async services =>
    {
        var dto = await services.GetRequiredService<IncidentStatistics>().ComputeAsync(caller, from, to, StatisticsDimension.Month, StatisticsDimension.Region, null);
        return $"{dto.Rows.Count:N0} rows";
    });
    var year = to.Year;
    await Time($"map of {year}", "< 1 s", async services =>
    {
        var result = await IncidentStatisticsModule.Map(caller, services.GetRequiredService<JsmsDbContext>(), services.GetRequiredService<TimeProvider>(),
            new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), null, null, CancellationToken.None);
        var content = result.Result as ContentHttpResult ?? throw new InvalidOperationException("the map refused the query");
        using var json = JsonDocument.Parse(content.ResponseContent!);
        return string.Create(culture, $"{json.RootElement.GetProperty("features").GetArrayLength():N0} features, {Encoding.UTF8.GetByteCount(content.ResponseContent!) / 1e6:N1} MB");
    });

    await Time($"heat view by province of {year}", "< 1 s", async services =>
    {
        var result = await IncidentRegionsEndpoint.Regions(caller, services.GetRequiredService<IncidentRegions>(), services.GetRequiredService<Admin1Areas>(),
            services.GetRequiredService<TimeProvider>(), new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), null, null, null, CancellationToken.None);
        var content = result.Result as ContentHttpResult ?? throw new InvalidOperationException("the heat view refused the query");
        using var json = JsonDocument.Parse(content.ResponseContent!);
        var unmatched = json.RootElement.GetProperty("unmatched").GetProperty("attacks").GetInt32();
        return string.Create(culture, $"{json.RootElement.GetProperty("features").GetArrayLength():N0} areas, {unmatched:N0} attacks in none");
    });

    Console.WriteLine($"load average at the end {Load()}");
    Console.WriteLine();
    Console.WriteLine($"| {"What",-72} | {"Figure",-30} | {"Target",-9} |");
    Console.WriteLine($"|{new string('-', 74)}|{new string('-', 32)}|{new string('-', 11)}|");
    foreach (var (what, figure, target) in results)
    {
        Console.WriteLine($"| {what,-72} | {figure,-30} | {target,-9} |");
    }
}
finally
{
    await app.DisposeAsync();
    if (keep)
    {
        Console.WriteLine($"kept: {(database is null ? Path.Combine(scratch, "data") : $"the database {database}")}");
    }
    else if (database is not null)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    try
    {
        if (!keep)
        {
            Directory.Delete(scratch, recursive: true);
        }
    }
    catch (IOException)
    {
        // A file still held open is left to the temporary folder's own cleanup.
    }
}
return 0;

// One cold run, then the median (and max) of 7, each in its own scope as a request would be.
async Task Time(string what, string target, Func<IServiceProvider, Task<string>> run)
{
    var times = new List<double>();
    var cpu = new List<double>();
    var size = "";
    var process = Process.GetCurrentProcess();
    for (var i = 0; i < 8; i++)
    {
        await using var scope = app.Services.CreateAsyncScope();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        size = await run(scope.ServiceProvider);
        times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        process.Refresh();
        cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
    }
    var cold = times[0];
    var warm = times.Skip(1).Order().ToList();
    // The bench's own CPU time (all of SQLite's work, the client's part on PostgreSQL): less moved by other load than the clock.
    var warmCpu = cpu.Skip(1).Order().ToList();
    var figure = string.Create(culture, $"{warm[3]:N0} ms (cold {cold:N0}, max {warm[^1]:N0}; CPU {warmCpu[3]:N0} ms)");
    Console.WriteLine($"{what}: {size}: median of 7 {figure}");
    results.Add(($"{what} ({size})", figure, target));
}
