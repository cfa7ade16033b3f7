using System.Diagnostics;
using System.Globalization;
using Jsms.Features.Screening.Lists;
using Jsms.Features.Screening.Matching;

namespace Jsms.Benchmarks;

/// <summary>
/// What one screening costs the matcher, as figures a loaded, shared machine moves little: process CPU time and bytes
/// allocated per name (one thread, then all cores as the batch endpoint runs it), on the speed benchmark's mix (the UN
/// queries with birth date and nationality, then the non-listed names as persons). Wall-clock rates are printed too,
/// with the load average, but they follow the machine's other work.
/// </summary>
internal static class MatcherCost
{
    public static void Run(string data, int runs)
    {
        var (un, ofac, _) = ScreeningBench.ReadLists(data);
        var index = new ScreeningIndex(un.Entries.Select(e => (ListSource.UN, e)).Concat(ofac.Select(e => (ListSource.OFAC, e))));
        var load = ScreeningBench.ReadCsv(Path.Combine(data, "names", "un-listed-persons-queries.csv"))
            .Select(q => new ScreeningQuery(q["full_name"], BirthDate.ParseQuery(q["date_of_birth"]), string.IsNullOrWhiteSpace(q["nationality"]) ? null : q["nationality"]))
            .Concat(ScreeningBench.ReadCsv(Path.Combine(ScreeningBench.ProjectDirectory(), "data", "non-listed-names.csv")).Select(r => new ScreeningQuery(r["name"], Type: EntryKind.Person)))
            .ToArray();
        // Warm up (JIT, tiered PGO) on every name once.
        foreach (var q in load)
        {
            index.Search(q);
        }
        var process = Process.GetCurrentProcess();
        var one = new List<(double CpuMs, double Bytes, double Rate)>();
        var all = new List<(double CpuMs, double Bytes, double Rate)>();
        for (var run = 0; run < runs; run++)
        {
            one.Add(Measure(process, load.Length, () =>
            {
                foreach (var q in load)
                {
                    index.Search(q);
                }
            }));
            all.Add(Measure(process, load.Length, () => load.AsParallel().AsOrdered().Select(q => index.Search(q, ScreeningIndex.DefaultThreshold, 5)).ToList()));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  run {run + 1}: one thread {one[^1].CpuMs:0.000} CPU ms, {one[^1].Bytes / 1024:0.0} KiB per name, {one[^1].Rate:N0}/s; all cores {all[^1].CpuMs:0.000} CPU ms, {all[^1].Bytes / 1024:0.0} KiB per name, {all[^1].Rate:N0}/s (load {Load()})"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{load.Length} names per run, median of {runs}: one thread {Median(one, r => r.CpuMs):0.000} CPU ms and {Median(one, r => r.Bytes) / 1024:0.0} KiB allocated per name ({Median(one, r => r.Rate):N0}/s wall clock); "
            + $"all cores {Median(all, r => r.CpuMs):0.000} CPU ms and {Median(all, r => r.Bytes) / 1024:0.0} KiB per name ({Median(all, r => r.Rate):N0}/s wall clock); {Environment.ProcessorCount} cores, load {Load()}"));
    }

    private static (double CpuMs, double Bytes, double Rate) Measure(Process process, int names, Action work)
    {
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var bytes = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        work();
        var elapsed = watch.Elapsed;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - bytes;
        process.Refresh();
        return ((process.TotalProcessorTime - cpu).TotalMilliseconds / names, (double)allocated / names, names / elapsed.TotalSeconds);
    }

    private static double Median<T>(List<T> values, Func<T, double> of) => values.Select(of).Order().ElementAt(values.Count / 2);

    internal static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
}
