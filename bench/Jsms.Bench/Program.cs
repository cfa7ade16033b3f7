using System.Globalization;
using Jsms.Bench;

// Tracking benchmark (docs/tracking.md, "Benchmark"):
//   dotnet run -c Release --project bench/Jsms.Bench -- engine                 the detection engine alone
//   dotnet run -c Release --project bench/Jsms.Bench -- storage [--postgres C] EF SaveChanges against the ingest writer
//   dotnet run -c Release --project bench/Jsms.Bench -- http [--postgres C] [--seconds 20] [--windows 3] [--connections 8] [--batch 1000] [--rate N] [--warmup 5] [--allocations]
//       the real app over real HTTP: 10,000 sites, 10,000 devices, a load driver posting JSON batches to
//       /api/tracking/positions, a probe raising alerts timed to their arrival on /api/alerts/stream, memory sampled.
// C is a PostgreSQL server connection string (a database is created and dropped for the run).
var mode = args.Length > 0 ? args[0] : "engine";
string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
int IntOption(string name, int fallback) => Option(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
var postgres = Option("--postgres");

switch (mode)
{
    case "engine":
        EngineBench.Run();
        break;
    case "storage":
        await StorageBench.RunAsync(postgres);
        break;
    case "http":
        await HttpBench.RunAsync(postgres, IntOption("--seconds", 20), IntOption("--windows", 3), IntOption("--connections", 8), IntOption("--batch", 1000),
            IntOption("--sample-seconds", 5), IntOption("--rate", 0), IntOption("--warmup", 5), args.Contains("--allocations"));
        break;
    default:
        Console.Error.WriteLine("Usage: engine | storage [--postgres CONNECTION] | http [--postgres CONNECTION] [--seconds N] [--windows N] [--connections N] [--batch N] [--rate POSITIONS_PER_SECOND] [--warmup SECONDS] [--allocations]");
        return 2;
}
return 0;
