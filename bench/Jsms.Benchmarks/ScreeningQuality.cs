using System.Diagnostics;
using Jsms.Features.Screening;
using Jsms.Features.Screening.Lists;
using Jsms.Features.Screening.Matching;
using Jsms.Platform;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Jsms.Benchmarks;

/// <summary>
/// The screening quality and speed benchmark (docs/screening.md): top-1 accuracy on the UN-listed
/// persons queries, precision and recall on name-pairs.csv (all, and the held-out half), the
/// false-positive rate on generated names of people who are not listed, screenings per second, and
/// import time (parsing, index building, and a full import into a fresh SQLite database).
/// </summary>
internal static class ScreeningQuality
{
    public static async Task<int> RunAsync(string data, string project, string[] args)
    {
        Console.WriteLine($"JSMS screening benchmark ({Environment.ProcessorCount} cores, .NET {Environment.Version})");
        var (un, ofac, parse) = ScreeningBench.ReadLists(data);
        var watch = Stopwatch.StartNew();
        var index = new ScreeningIndex(un.Entries.Select(e => (ListSource.UN, e)).Concat(ofac.Select(e => (ListSource.OFAC, e))));
        var build = watch.Elapsed;
        Console.WriteLine($"lists: UN {un.Entries.Count(e => e.Kind == EntryKind.Person)} individuals + {un.Entries.Count(e => e.Kind != EntryKind.Person)} entities, OFAC {ofac.Count} entries; {index.NameCount:N0} names indexed");
        Console.WriteLine($"parse both lists: {parse.TotalMilliseconds:0} ms; build index: {build.TotalMilliseconds:0} ms");
        if (!args.Contains("--no-db"))
        {
            await DatabaseImportAsync(data);
        }

        // 1. UN-listed persons: ground truth by exact folded name or alias, then birth date to break ties.
        var queries = ScreeningBench.ReadCsv(Path.Combine(data, "names", "un-listed-persons-queries.csv"));
        var byName = new Dictionary<string, List<ListedEntry>>(StringComparer.Ordinal);
        foreach (var entry in un.Entries.Where(e => e.Kind == EntryKind.Person))
        {
            foreach (var name in entry.Names.Where(n => n.Kind != NameKind.OriginalScript).Select(n => NameText.Fold(n.Name)).Distinct())
            {
                (byName.TryGetValue(name, out var list) ? list : byName[name] = []).Add(entry);
            }
        }
        var truthful = new List<(Dictionary<string, string> Query, string Truth)>();
        var excluded = new List<string>();
        foreach (var q in queries)
        {
            var found = byName.GetValueOrDefault(NameText.Fold(q["full_name"])) ?? [];
            if (found.Count > 1)
            {
                var dob = BirthDate.ParseQuery(q["date_of_birth"]);
                found = [.. found.Where(e => dob is not null && e.BirthDates.Any(d => d.Year == dob.Year && (dob.Month is null || d.Month is null || d.Month == dob.Month)))];
            }
            if (found.Count == 1)
            {
                truthful.Add((q, found[0].SourceId));
            }
            else
            {
                excluded.Add($"{q["full_name"]} ({q["date_of_birth"]}): {(found.Count == 0 ? "no UN entry has this exact name or alias" : $"{found.Count} entries share name and birth date")}");
            }
        }
        int withAll = 0, nameOnly = 0;
        var misses = new List<string>();
        foreach (var (q, truth) in truthful)
        {
            var full = index.Search(new ScreeningQuery(q["full_name"], BirthDate.ParseQuery(q["date_of_birth"]), NullIfEmpty(q["nationality"]), EntryKind.Person), 0.0, 3);
            if (full.Count > 0 && full[0].Source == ListSource.UN && full[0].SourceId == truth)
            {
                withAll++;
            }
            else
            {
                misses.Add($"{q["full_name"]}: expected UN {truth}, got {(full.Count == 0 ? "nothing" : $"{full[0].Source} {full[0].SourceId} {full[0].PrimaryName} {full[0].Score:0.00}")}");
            }
            var bare = index.Search(new ScreeningQuery(q["full_name"]), 0.0, 3);
            if (bare.Count > 0 && bare[0].Source == ListSource.UN && bare[0].SourceId == truth)
            {
                nameOnly++;
            }
        }
        Console.WriteLine();
        Console.WriteLine($"UN-listed persons ({queries.Count} queries, {truthful.Count} with an unambiguous UN entry, {excluded.Count} excluded):");
        Console.WriteLine($"  right UN entry first, with name + birth date + nationality: {withAll}/{truthful.Count} = {Percent(withAll, truthful.Count)}");
        Console.WriteLine($"  right UN entry first, name only:                           {nameOnly}/{truthful.Count} = {Percent(nameOnly, truthful.Count)}");
        foreach (var line in excluded)
        {
            Console.WriteLine($"  excluded: {line}");
        }
        foreach (var line in misses.Take(10))
        {
            Console.WriteLine($"  miss: {line}");
        }

        // 2. Name pairs at the default threshold.
        var pairs = ScreeningBench.ReadCsv(Path.Combine(data, "names", "name-pairs.csv"));
        var threshold = ScreeningIndex.DefaultThreshold;
        var all = ScreeningBench.Pairs(pairs, index.Statistics, threshold, false, _ => true);
        var train = ScreeningBench.Pairs(pairs, index.Statistics, threshold, false, i => i % 2 == 0);
        var test = ScreeningBench.Pairs(pairs, index.Statistics, threshold, false, i => i % 2 == 1);
        Console.WriteLine();
        Console.WriteLine($"name-pairs.csv ({pairs.Count} pairs) at the default threshold {threshold:0.00} (OpenSanctions' matcher: precision 0.76, recall 0.82):");
        Console.WriteLine($"  all pairs:             precision {all.P:0.000}  recall {all.R:0.000}");
        Console.WriteLine($"  tuning half (even):    precision {train.P:0.000}  recall {train.R:0.000}");
        Console.WriteLine($"  held-out half (odd):   precision {test.P:0.000}  recall {test.R:0.000}");

        // 3. False positives on names of people who are not listed.
        var nonListed = ScreeningBench.ReadCsv(Path.Combine(project, "data", "non-listed-names.csv"));
        var hits = new List<string>();
        var byCulture = new Dictionary<string, (int Total, int Hits)>(StringComparer.Ordinal);
        var sweep = new SortedDictionary<double, int> { [0.7] = 0, [0.75] = 0, [0.8] = 0, [0.85] = 0, [0.9] = 0, [0.95] = 0 };
        foreach (var row in nonListed)
        {
            var found = index.Search(new ScreeningQuery(row["name"], Type: EntryKind.Person), threshold, 1);
            var top = index.Search(new ScreeningQuery(row["name"], Type: EntryKind.Person), 0.6, 1);
            if (top.Count > 0)
            {
                foreach (var t in sweep.Keys.ToList())
                {
                    sweep[t] += top[0].Score >= t ? 1 : 0;
                }
            }
            var (total, h) = byCulture.GetValueOrDefault(row["culture"]);
            byCulture[row["culture"]] = (total + 1, h + (found.Count > 0 ? 1 : 0));
            if (found.Count > 0)
            {
                hits.Add($"{row["name"]} -> {found[0].Source} {found[0].SourceId} \"{found[0].MatchedName}\" {found[0].Score:0.00}");
            }
        }
        Console.WriteLine();
        Console.WriteLine($"names of people not listed ({nonListed.Count}, {byCulture.Count} cultures and scripts), name only, threshold {threshold:0.00}:");
        Console.WriteLine($"  with any match: {hits.Count} = {Percent(hits.Count, nonListed.Count)}");
        Console.WriteLine("  at other thresholds: " + string.Join(", ", sweep.Select(t => $"{t.Key:0.00}: {Percent(t.Value, nonListed.Count)}")));
        Console.WriteLine("  by culture: " + string.Join(", ", byCulture.Select(c => $"{c.Key} {c.Value.Hits}/{c.Value.Total}")));
        foreach (var line in hits.Take(args.Contains("--all-hits") ? int.MaxValue : 40))
        {
            Console.WriteLine($"  hit: {line}");
        }

        // 4. Variants of listed names and names not listed, on the held-out half only (--no-held-out: the guards above
        // without printing the report half, while tuning).
        if (!args.Contains("--no-held-out"))
        {
            HeldOut.HeldOutQuality.Run(index, un.Entries, un.Entries.Concat(ofac).Where(e => e.Kind == EntryKind.Person).SelectMany(e => e.Names).Select(n => n.Name), tune: false, 0);
        }

        if (args.Contains("--no-speed"))
        {
            return 0;
        }

        // 5. Speed: the UN queries (with birth date and nationality) and the non-listed names, in turn.
        var load = truthful.Select(t => new ScreeningQuery(t.Query["full_name"], BirthDate.ParseQuery(t.Query["date_of_birth"]), NullIfEmpty(t.Query["nationality"])))
            .Concat(nonListed.Select(r => new ScreeningQuery(r["name"], Type: EntryKind.Person))).ToArray();
        foreach (var q in load.Take(300))
        {
            index.Search(q, threshold);
        }
        Console.WriteLine();
        Console.WriteLine($"speed over UN + OFAC ({load.Length} different queries per run, median of 5 runs):");
        foreach (var threads in new[] { 1, 2 })
        {
            var rates = new List<double>();
            for (var run = 0; run < 5; run++)
            {
                var w = Stopwatch.StartNew();
                Parallel.ForEach(load, new ParallelOptions { MaxDegreeOfParallelism = threads }, q => index.Search(q, threshold));
                rates.Add(load.Length / w.Elapsed.TotalSeconds);
            }
            rates.Sort();
            Console.WriteLine($"  {threads} thread(s): {rates[2]:N0} screenings/s (runs: {string.Join(", ", rates.Select(r => r.ToString("N0")))})");
        }
        return 0;
    }

    private static async Task DatabaseImportAsync(string data)
    {
        var folder = Path.Combine(Path.GetTempPath(), "jsms-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            var app = JsmsApp.Build([$"--Jsms:DataDirectory={folder}", "--Jsms:Database=sqlite", "--Jsms:Demo=false", "--Jsms:MigrateOnStart=true"],
                b => b.Logging.SetMinimumLevel(LogLevel.Warning));
            await using (app)
            {
                await JsmsApp.PrepareAsync(app.Services);
                var sanctions = Path.Combine(data, "sanctions");
                await using var scope = app.Services.CreateAsyncScope();
                var importer = scope.ServiceProvider.GetRequiredService<ListImporter>();
                var w = Stopwatch.StartNew();
                await using (var xml = File.OpenRead(Path.Combine(sanctions, "un-consolidated-2026-02-27.xml")))
                {
                    await importer.ImportUnAsync(xml, "un.xml", "bench");
                }
                var unTime = w.Elapsed;
                w.Restart();
                await using (var sdn = File.OpenRead(Path.Combine(sanctions, "ofac-sdn-2021.csv")))
                await using (var alt = File.OpenRead(Path.Combine(sanctions, "ofac-alt-2021.csv")))
                await using (var add = File.OpenRead(Path.Combine(sanctions, "ofac-add-2021.csv")))
                {
                    await importer.ImportOfacAsync(sdn, alt, add, "sdn, alt, add", "bench");
                }
                Console.WriteLine($"import into a fresh SQLite database (parse, store, audit, rebuild index): UN {unTime.TotalSeconds:0.00} s, OFAC {w.Elapsed.TotalSeconds:0.00} s");
            }
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // SQLite may still hold the file: the temp folder is cleaned by the OS.
            }
        }
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    private static string Percent(int n, int total) => total == 0 ? "n/a" : $"{100.0 * n / total:0.00}%";
}
