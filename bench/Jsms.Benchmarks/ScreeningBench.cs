using System.Globalization;
using Jsms.Features.Screening;
using Jsms.Features.Screening.Lists;
using Jsms.Features.Screening.Matching;

namespace Jsms.Benchmarks;

internal static class ScreeningBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var data = FindSharedData();
        if (args.Length > 0 && args[0] == "explain")
        {
            var schema = args.Length > 3 && args[3] == "entity" ? NameSchema.Entity : NameSchema.Person;
            var stats = Statistics(data);
            // Prepared as the index and a search prepare them: tokenised without the statistics, then weighed by them.
            var a = new PreparedName(args[1], schema);
            var b = new PreparedName(args[2], schema);
            a.Reweigh(stats);
            b.Reweigh(stats);
            Console.WriteLine(string.Join(" ", a.Tokens.Select(t => $"{t.Text}/{t.Key}/{t.Shape}/{t.Weight:0.00}")));
            Console.WriteLine(string.Join(" ", b.Tokens.Select(t => $"{t.Text}/{t.Key}/{t.Shape}/{t.Weight:0.00}")));
            var r = NameMatcher.Compare(a, b);
            Console.WriteLine($"{r.Score:0.000} " + string.Join("; ", r.Pairs.Select(p => $"{p.Query}~{p.Listed} {p.Similarity:0.00} {p.How}")));
            return 0;
        }
        if (args.Length > 1 && args[0] == "search")
        {
            // What a screening of one name answers over UN + OFAC, with the word pairs behind each match.
            var (un, ofac, _) = ReadLists(data);
            var index = new ScreeningIndex(un.Entries.Select(e => (ListSource.UN, e)).Concat(ofac.Select(e => (ListSource.OFAC, e))));
            foreach (var m in index.Search(new ScreeningQuery(args[1]), args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 0.6, 10))
            {
                Console.WriteLine($"{m.Score:0.000} {m.Source} {m.SourceId} \"{m.MatchedName}\" ({m.MatchedNameKind}): {string.Join("; ", m.Rules)}");
            }
            return 0;
        }
        var mode = args.Length > 0 ? args[0] : "screening-quality";
        switch (mode)
        {
            case "sweep":
                // List=1 in a setting prints the non-listed names that matched.
                Sweep(ReadCsv(Path.Combine(data, "names", "name-pairs.csv")), data, args[1..]);
                return 0;
            case "tune":
                Tune(ReadCsv(Path.Combine(data, "names", "name-pairs.csv")), data);
                return 0;
            case "pairs":
                Pairs(ReadCsv(Path.Combine(data, "names", "name-pairs.csv")), Statistics(data),
                    args.Length > 1 && args[1] != "-v" ? double.Parse(args[1], CultureInfo.InvariantCulture) : ScreeningIndex.DefaultThreshold, args.Contains("-v"));
                return 0;
            case "generate-nonlisted":
            {
                var (un, ofac, _) = ReadLists(data);
                var namesakes = new NonListedNames.Namesakes(un.Entries.Concat(ofac).Where(e => e.Kind == EntryKind.Person).SelectMany(e => e.Names).Select(n => n.Name));
                var left = new List<string>();
                var names = NonListedNames.Generate(180, n =>
                {
                    if (namesakes.Find(n) is { } listedName)
                    {
                        left.Add($"{n} ~ {listedName}");
                        return true;
                    }
                    return false;
                });
                Console.WriteLine($"left out {left.Count} namesakes of listed names, e.g.: " + string.Join("; ", left.Take(30)));
                var path = Path.Combine(ProjectDirectory(), "data", "non-listed-names.csv");
                NonListedNames.Write(path, names);
                Console.WriteLine($"wrote {names.Count} names to {path}");
                return 0;
            }
            case "cost":
                MatcherCost.Run(data, args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5);
                return 0;
            case "speed":
                Speed(data, args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5);
                return 0;
            case "held-out":
            {
                // The held-out table alone; --tune shows the tune half with its misses instead. --seed-round K (tune half
                // only) draws other variants of the same tune-half names, so rules can be checked on typos not yet looked at.
                var seedRound = 0;
                if (args.Contains("--ofac") && !args.Contains("--tune"))
                {
                    Console.Error.WriteLine("--ofac tunes on OFAC's persons instead of the tune half: use it with --tune.");
                    return 2;
                }
                var at = Array.IndexOf(args, "--seed-round");
                if (at >= 0)
                {
                    if (!args.Contains("--tune"))
                    {
                        Console.Error.WriteLine("--seed-round draws new variants of the tune half only: use it with --tune (the report half keeps its one set of variants).");
                        return 2;
                    }
                    if (at + 1 >= args.Length || !int.TryParse(args[at + 1], NumberStyles.None, CultureInfo.InvariantCulture, out seedRound))
                    {
                        Console.Error.WriteLine("--seed-round needs a whole number K >= 0 (0 = the variants of the published figures).");
                        return 2;
                    }
                }
                var (un, ofac, _) = ReadLists(data);
                var index = new ScreeningIndex(un.Entries.Select(e => (ListSource.UN, e)).Concat(ofac.Select(e => (ListSource.OFAC, e))));
                HeldOut.HeldOutQuality.Run(index, un.Entries, un.Entries.Concat(ofac).Where(e => e.Kind == EntryKind.Person).SelectMany(e => e.Names).Select(n => n.Name),
                    args.Contains("--tune"), args.Contains("--tune") ? 15 : 0, seedRound, args.Contains("--ofac") ? ofac : null);
                return 0;
            }
            case "http":
                return await HttpScreeningBench.RunAsync(data, ProjectDirectory(), args[1..]);
            case "screening-quality":
                return await ScreeningQuality.RunAsync(data, ProjectDirectory(), args);
            case "rescreen": return await RescreenBench.RunAsync(data, ProjectDirectory(), args[1..]);
            default:
                Console.Error.WriteLine("usage: screening-quality | http [--clients 8] [--seconds 5] [--runs 5] [--batch-rows 5000] [--postgres CONNECTION] | pairs [threshold] [-v] | tune | explain NAME1 NAME2 [entity] | generate-nonlisted");
                return 2;
        }
    }

    /// <summary>Word frequencies of UN + OFAC, as the index computes them: name pairs are weighed as a screening would weigh them.</summary>
    internal static TokenStatistics Statistics(string data)
    {
        var (un, ofac, _) = ReadLists(data);
        return new ScreeningIndex(un.Entries.Select(e => (ListSource.UN, e)).Concat(ofac.Select(e => (ListSource.OFAC, e)))).Statistics;
    }

    internal static string TokenSet(string name) => string.Join(' ', NameText.Fold(name).Split(' ').Order(StringComparer.Ordinal));

    internal static (UnListReader.Result Un, List<ListedEntry> Ofac, TimeSpan Parse) ReadLists(string data)
    {
        var sanctions = Path.Combine(data, "sanctions");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        using var unFile = File.OpenRead(Path.Combine(sanctions, "un-consolidated-2026-02-27.xml"));
        var un = UnListReader.Read(unFile);
        using var sdn = File.OpenRead(Path.Combine(sanctions, "ofac-sdn-2021.csv"));
        using var alt = File.OpenRead(Path.Combine(sanctions, "ofac-alt-2021.csv"));
        using var add = File.OpenRead(Path.Combine(sanctions, "ofac-add-2021.csv"));
        var ofac = OfacListReader.Read(sdn, alt, add);
        return (un, ofac, watch.Elapsed);
    }

    /// <summary>The bench project's folder (where data/ lives), found from the working directory or the binary.</summary>
    internal static string ProjectDirectory()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Jsms.Benchmarks.csproj")))
                {
                    return dir.FullName;
                }
                var nested = Path.Combine(dir.FullName, "bench", "Jsms.Benchmarks");
                if (File.Exists(Path.Combine(nested, "Jsms.Benchmarks.csproj")))
                {
                    return nested;
                }
            }
        }
        return AppContext.BaseDirectory;
    }

    /// <summary>
    /// Screening speed alone, one thread: the UN-listed queries (name, birth date, nationality) and the
    /// non-listed names over UN + OFAC. Besides the wall-clock rate it prints the rate per second of CPU
    /// time the process used, which a loaded shared machine disturbs much less.
    /// </summary>
    internal static void Speed(string data, int runs)
    {
        var (un, ofac, _) = ReadLists(data);
        var index = new ScreeningIndex(un.Entries.Select(e => (ListSource.UN, e)).Concat(ofac.Select(e => (ListSource.OFAC, e))));
        var load = ReadCsv(Path.Combine(data, "names", "un-listed-persons-queries.csv"))
            .Select(q => new ScreeningQuery(q["full_name"], BirthDate.ParseQuery(q["date_of_birth"]), string.IsNullOrWhiteSpace(q["nationality"]) ? null : q["nationality"]))
            .Concat(ReadCsv(Path.Combine(ProjectDirectory(), "data", "non-listed-names.csv")).Select(r => new ScreeningQuery(r["name"], Type: EntryKind.Person))).ToArray();
        foreach (var q in load.Take(300))
        {
            index.Search(q);
        }
        var wall = new List<double>();
        var cpu = new List<double>();
        var process = System.Diagnostics.Process.GetCurrentProcess();
        for (var run = 0; run < runs; run++)
        {
            process.Refresh();
            var cpu0 = process.TotalProcessorTime;
            var w = System.Diagnostics.Stopwatch.StartNew();
            foreach (var q in load)
            {
                index.Search(q);
            }
            wall.Add(load.Length / w.Elapsed.TotalSeconds);
            process.Refresh();
            cpu.Add(load.Length / (process.TotalProcessorTime - cpu0).TotalSeconds);
        }
        wall.Sort();
        cpu.Sort();
        Console.WriteLine($"1 thread, {load.Length} queries per run, median of {runs}: {wall[runs / 2]:N0} screenings/s wall clock (runs: {string.Join(", ", wall.Select(r => r.ToString("N0")))}); "
            + $"{cpu[runs / 2]:N0} per CPU second (runs: {string.Join(", ", cpu.Select(r => r.ToString("N0")))})");
    }

    internal static (double P, double R, int Tp, int Fp, int Fn) Pairs(List<Dictionary<string, string>> pairs, TokenStatistics? stats, double threshold, bool verbose, Func<int, bool>? include = null)
    {
        int tp = 0, fp = 0, fn = 0;
        for (var i = 0; i < pairs.Count; i++)
        {
            if (include is not null && !include(i))
            {
                continue;
            }
            var p = pairs[i];
            var schema = p["schema"] == "Person" ? NameSchema.Person : NameSchema.Entity;
            var s = NameMatcher.Compare(new PreparedName(p["name1"], schema, stats), new PreparedName(p["name2"], schema, stats), explain: false).Score;
            var truth = p["is_match"] == "true";
            var said = s >= threshold;
            if (said && truth) tp++; else if (said) fp++; else if (truth) fn++;
            if (verbose && said != truth)
            {
                Console.WriteLine($"{(truth ? "FN" : "FP")} {s:0.000} {p["schema"],-8} {p["name1"]} | {p["name2"]}");
            }
        }
        var result = ((double)tp / Math.Max(1, tp + fp), (double)tp / Math.Max(1, tp + fn), tp, fp, fn);
        if (include is null)
        {
            Console.WriteLine($"precision {result.Item1:0.000} recall {result.Item2:0.000} (tp {tp} fp {fp} fn {fn})");
        }
        return result;
    }

    /// <summary>
    /// The parameter grid, tuned on the even rows of name-pairs.csv AND the even rows of the non-listed
    /// names together (best F1 on the pairs among the settings that keep the false-positive rate at or
    /// under 0.4 %); the odd rows of both are shown as held out.
    /// </summary>
    private static void Tune(List<Dictionary<string, string>> rows, string data)
    {
        var (un, ofac, _) = ReadLists(data);
        var index = new ScreeningIndex(un.Entries.Select(e => (ListSource.UN, e)).Concat(ofac.Select(e => (ListSource.OFAC, e))));
        var stats = index.Statistics;
        var prepared = rows.Select((p, i) =>
        {
            var schema = p["schema"] == "Person" ? NameSchema.Person : NameSchema.Entity;
            return (A: new PreparedName(p["name1"], schema, stats), B: new PreparedName(p["name2"], schema, stats), Truth: p["is_match"] == "true", Train: i % 2 == 0);
        }).ToList();
        var nonListed = ReadCsv(Path.Combine(ProjectDirectory(), "data", "non-listed-names.csv")).Select(r => r["name"]).ToList();
        var results = new List<(double F, string Line)>();
        foreach (var tt in (double[])[0.72])
        foreach (var sp in (double[])[1, 2])
        foreach (var qe in (double[])[0.3, 0.5, 1.0])
        foreach (var le in (double[])[0.3, 0.5, 0.8, 1.2])
        foreach (var sw in (double[])[0.7, 0.85])
        {
            NameMatcher.TokenThreshold = tt; NameMatcher.SimPower = sp; NameMatcher.QueryExtraCost = qe; NameMatcher.ListedExtraCost = le; NameMatcher.SingleWordFactor = sw;
            var scored = prepared.Select(x => (Score: NameMatcher.Compare(x.A, x.B, explain: false).Score, x.Truth, x.Train)).ToList();
            var top = nonListed.Select((n, i) => (Score: index.Search(new ScreeningQuery(n, Type: EntryKind.Person), 0.6, 1) is [var m, ..] ? m.Score : 0, Train: i % 2 == 0)).ToList();
            for (var th = 0.6; th <= 0.851; th += 0.025)
            {
                var (p, r) = Pr(scored.Where(x => x.Train), th);
                var (tp, tr) = Pr(scored.Where(x => !x.Train), th);
                var fpTrain = top.Where(x => x.Train).Count(x => x.Score >= th) * 100.0 / top.Count(x => x.Train);
                var fpTest = top.Where(x => !x.Train).Count(x => x.Score >= th) * 100.0 / top.Count(x => !x.Train);
                var f = 2 * p * r / (p + r);
                results.Add((fpTrain <= 0.4 ? f : f - 1, $"tt {tt} sp {sp} qe {qe} le {le} sw {sw} th {th:0.000}: train P {p:0.000} R {r:0.000} F {f:0.000} FP {fpTrain:0.00}% | test P {tp:0.000} R {tr:0.000} FP {fpTest:0.00}%"));
            }
        }
        foreach (var (_, line) in results.OrderByDescending(r => r.F).Take(30))
        {
            Console.WriteLine(line);
        }
    }

    /// <summary>
    /// Each argument is one setting of the matcher's parameters ("EntityTokenThreshold=0.6,SubsetExtraFactor=0.5");
    /// prints, at the default threshold, precision and recall on the pairs (persons, other schemas; even and
    /// odd rows) and the false-positive rate on the non-listed names for each. Settings carry over to the
    /// next argument; "Threshold=0.78" applies to its own argument only.
    /// </summary>
    private static void Sweep(List<Dictionary<string, string>> rows, string data, string[] settings)
    {
        var (un, ofac, _) = ReadLists(data);
        var index = new ScreeningIndex(un.Entries.Select(e => (ListSource.UN, e)).Concat(ofac.Select(e => (ListSource.OFAC, e))));
        var stats = index.Statistics;
        var prepared = rows.Select((p, i) =>
        {
            var schema = p["schema"] == "Person" ? NameSchema.Person : NameSchema.Entity;
            return (A: new PreparedName(p["name1"], schema, stats), B: new PreparedName(p["name2"], schema, stats), Truth: p["is_match"] == "true", Train: i % 2 == 0, Person: schema == NameSchema.Person);
        }).ToList();
        var nonListed = ReadCsv(Path.Combine(ProjectDirectory(), "data", "non-listed-names.csv")).Select(r => r["name"]).ToList();
        foreach (var setting in settings.DefaultIfEmpty(""))
        {
            var th = ScreeningIndex.DefaultThreshold;
            var list = false;
            foreach (var part in setting.Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                var (name, value) = (part.Split('=')[0], double.Parse(part.Split('=')[1], CultureInfo.InvariantCulture));
                if (name == "Threshold")
                {
                    th = value;
                    continue;
                }
                if (name == "List")
                {
                    list = value > 0;
                    continue;
                }
                var field = typeof(NameMatcher).GetField(name, System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public)
                    ?? throw new ArgumentException($"no parameter {name}");
                field.SetValue(null, value);
            }
            var scored = prepared.Select(x => (Score: NameMatcher.Compare(x.A, x.B, explain: false).Score, x.Truth, x.Train, x.Person)).ToList();
            var fp = 0;
            foreach (var n in nonListed)
            {
                if (index.Search(new ScreeningQuery(n, Type: EntryKind.Person), th, 1) is [var hit, ..])
                {
                    fp++;
                    if (list)
                    {
                        Console.WriteLine($"  not listed: {n} ~ {hit.MatchedName} {hit.Score:0.000}");
                    }
                }
            }
            string Line(Func<(double Score, bool Truth, bool Train, bool Person), bool> f)
            {
                var (p, r) = Pr(scored.Where(f).Select(x => (x.Score, x.Truth, x.Train)), th);
                return $"P {p:0.000} R {r:0.000}";
            }
            Console.WriteLine($"{(setting.Length == 0 ? "defaults" : setting)}: all {Line(_ => true)} | even {Line(x => x.Train)} | odd {Line(x => !x.Train)} | persons {Line(x => x.Person)} | others {Line(x => !x.Person)} | not listed {fp * 100.0 / nonListed.Count:0.00}%");
        }
    }

    private static (double P, double R) Pr(IEnumerable<(double Score, bool Truth, bool Train)> scored, double th)
    {
        int tp = 0, fp = 0, fn = 0;
        foreach (var (score, truth, _) in scored)
        {
            if (score >= th && truth) tp++; else if (score >= th) fp++; else if (truth) fn++;
        }
        return ((double)tp / Math.Max(1, tp + fp), (double)tp / Math.Max(1, tp + fn));
    }

    public static string FindSharedData()
    {
        var env = Environment.GetEnvironmentVariable("JSMS_SHARED_DATA");
        if (!string.IsNullOrEmpty(env))
        {
            return env;
        }
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
            candidate = Path.Combine(dir.FullName, "..", "shared", "data");
            if (Directory.Exists(candidate))
            {
                return Path.GetFullPath(candidate);
            }
        }
        throw new DirectoryNotFoundException("shared/data not found: set JSMS_SHARED_DATA.");
    }

    public static List<Dictionary<string, string>> ReadCsv(string path)
    {
        using var reader = new StreamReader(path);
        var header = Csv.ReadRecord(reader) ?? throw new InvalidDataException("empty CSV");
        var rows = new List<Dictionary<string, string>>();
        while (Csv.ReadRecord(reader) is { } fields)
        {
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Count; i++)
            {
                row[header[i]] = i < fields.Count ? fields[i] : "";
            }
            rows.Add(row);
        }
        return rows;
    }
}
