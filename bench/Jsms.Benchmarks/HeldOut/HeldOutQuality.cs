using System.Text;
using Jsms.Features.Screening.Lists;
using Jsms.Features.Screening.Matching;

namespace Jsms.Benchmarks.HeldOut;

/// <summary>
/// Quality on names the matcher was not tuned on (docs/screening.md, "Held-out quality"): variants of
/// every listed UN person name by class (<see cref="VariantGenerator"/>) and names of people who are not
/// listed per script (<see cref="UnlistedNames"/>), each split in two by a hash of the UN entry id (of
/// the name, for the unlisted names). The tune half may be looked at; the report half is only counted.
/// </summary>
internal static class HeldOutQuality
{
    public const int UnlistedPerScript = 2000;

    /// <summary>
    /// Prints the table of the report half (or of the tune half with its misses when <paramref name="tune"/>).
    /// <paramref name="seedRound"/> above 0 draws another set of variants of the tune half's names (never of the report half).
    /// <paramref name="ofac"/>, when given, replaces the tune half's UN names by OFAC's persons as material to tune on (names
    /// the tune half has not worn out), leaving out every OFAC person who shares a name with a UN entry of the report half.
    /// </summary>
    public static void Run(ScreeningIndex index, IReadOnlyList<ListedEntry> unEntries, IEnumerable<string> listedPersonNames, bool tune, int showMisses, int seedRound = 0,
        IReadOnlyList<ListedEntry>? ofac = null)
    {
        if (seedRound < 0 || (seedRound > 0 && !tune) || (ofac is not null && !tune))
        {
            throw new ArgumentOutOfRangeException(nameof(seedRound), "other variant seeds and OFAC material are for tuning only");
        }
        var round = seedRound > 0 ? "|" + seedRound.ToString(System.Globalization.CultureInfo.InvariantCulture) : "";
        var half = tune ? 0 : 1;
        var label = (ofac is not null ? "OFAC persons as tune material" : tune ? "tune half" : "report half (held out)") + (seedRound > 0 ? $", seed round {seedRound}" : "");
        var threshold = ScreeningIndex.DefaultThreshold;

        // Names shared by two UN entries have no single right answer: the same words once the matcher has read them
        // ("AHMED, Abubakar", "Sheikh Abubakar Ahmed" and "Abubakar Ahmed" of three entries), in any order, since
        // the matcher compares names independently of word order. Totals by the older rule (the same folded string
        // only) are printed too, so the figures compare with earlier reports.
        var owners = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var exactOwners = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var source = ofac is null ? ListSource.UN : ListSource.OFAC;
        var material = unEntries.Where(e => e.Kind == EntryKind.Person && Half(e.SourceId) == half).ToList();
        if (ofac is not null)
        {
            var reportNames = unEntries.Where(e => e.Kind == EntryKind.Person && Half(e.SourceId) == 1)
                .SelectMany(e => e.Names).Select(n => Words(n.Name)).ToHashSet(StringComparer.Ordinal);
            material = [.. ofac.Where(e => e.Kind == EntryKind.Person && !e.Names.Any(n => reportNames.Contains(Words(n.Name))))];
        }
        foreach (var entry in (ofac ?? unEntries).Where(e => e.Kind == EntryKind.Person))
        {
            foreach (var n in entry.Names.Where(n => n.Kind is NameKind.Primary or NameKind.Alias))
            {
                (owners.TryGetValue(Words(n.Name), out var set) ? set : owners[Words(n.Name)] = []).Add(entry.SourceId);
                (exactOwners.TryGetValue(NameText.Fold(n.Name), out var exact) ? exact : exactOwners[NameText.Fold(n.Name)] = []).Add(entry.SourceId);
            }
        }
        var exactRule = new Dictionary<string, (int Total, int Right)>(StringComparer.Ordinal);
        var rows = new List<(string Group, string Class, int Total, int Right, int NoCandidate)>();
        var misses = new List<string>();
        var missKinds = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var queries = new List<string>();
        // The number of misses shown per class in the tune half (JSMS_HELDOUT_MISSES overrides it when looking closer).
        if (tune && int.TryParse(Environment.GetEnvironmentVariable("JSMS_HELDOUT_MISSES"), out var shown))
        {
            showMisses = shown;
        }
        foreach (var (group, classes) in new[] { ("typos", VariantGenerator.TypoClasses), ("spelling", VariantGenerator.SpellingClasses) })
        {
            foreach (var cls in classes)
            {
                int total = 0, right = 0, none = 0;
                foreach (var entry in material)
                {
                    foreach (var name in entry.Names.Where(n => n.Kind is NameKind.Primary or NameKind.Alias).Select(n => n.Name).Distinct())
                    {
                        if (exactOwners[NameText.Fold(name)].Count > 1 || Transliteration.HasForeignScript(name))
                        {
                            continue;
                        }
                        var variant = VariantGenerator.Make(name, cls, Seed(entry.SourceId + "|" + name + "|" + cls + round));
                        if (variant is null)
                        {
                            continue;
                        }
                        if (owners[Words(name)].Count > 1)
                        {
                            // Counted only in the totals by the exact-string rule.
                            var firstOld = index.Search(new ScreeningQuery(variant), threshold, 10).FirstOrDefault(m => m.Source == source);
                            var (t0, r0) = exactRule.GetValueOrDefault(group);
                            exactRule[group] = (t0 + 1, r0 + (firstOld?.SourceId == entry.SourceId ? 1 : 0));
                            continue;
                        }
                        total++;
                        queries.Add(variant);
                        var found = index.Search(new ScreeningQuery(variant), threshold, 10);
                        var first = found.FirstOrDefault(m => m.Source == source);
                        if (first?.SourceId == entry.SourceId)
                        {
                            right++;
                            continue;
                        }
                        var any = index.Search(new ScreeningQuery(variant), 0.0, 50).FirstOrDefault(m => m.Source == source && m.SourceId == entry.SourceId);
                        none += any is null ? 1 : 0;
                        if (tune && first is not null && any is not null)
                        {
                            var gap = first.Score - any.Score;
                            var kind = gap < 0.0005 ? "tie" : gap < 0.01 ? "near-tie" : "real";
                            missKinds[kind] = missKinds.GetValueOrDefault(kind) + 1;
                        }
                        else if (tune)
                        {
                            var kind = first is null ? "no match" : "not a candidate";
                            missKinds[kind] = missKinds.GetValueOrDefault(kind) + 1;
                        }
                        if (tune && misses.Count < showMisses * (rows.Count + 1))
                        {
                            misses.Add($"  miss [{cls}] \"{variant}\" for \"{name}\": {(first is null ? "no match" : $"first {first.SourceId} \"{first.MatchedName}\" {first.Score:0.00}")}; right entry {(any is null ? "not a candidate" : $"at {any.Score:0.00} via \"{any.MatchedName}\"")}");
                        }
                    }
                }
                rows.Add((group, cls, total, right, none));
            }
        }

        var namesakes = new NonListedNames.Namesakes(listedPersonNames);
        var unlisted = UnlistedNames.Generate(UnlistedPerScript, n => namesakes.Find(n) is not null).Where(n => Half(n.Name) == half).ToList();
        var byScript = new SortedDictionary<string, (int Total, int Hits)>(StringComparer.Ordinal);
        var hits = new List<string>();
        foreach (var (name, script) in unlisted)
        {
            var found = index.Search(new ScreeningQuery(name), threshold, 1);
            var (t, h) = byScript.GetValueOrDefault(script);
            byScript[script] = (t + 1, h + (found.Count > 0 ? 1 : 0));
            if (found.Count > 0 && tune)
            {
                hits.Add($"  hit [{script}] {name} -> {found[0].Source} {found[0].SourceId} \"{found[0].MatchedName}\" {found[0].Score:0.00}: {string.Join(" ", found[0].Explanation.Skip(1).Take(1))}");
            }
        }

        var sb = new StringBuilder();
        sb.AppendLine();
        sb.AppendLine($"Held-out quality, {label}, threshold {threshold:0.00}, name only, no type, over UN + OFAC:");
        sb.AppendLine("| class | group | queries | right UN entry first | right entry not even a candidate |");
        sb.AppendLine("|---|---|---|---|---|");
        foreach (var (group, cls, total, right, none) in rows)
        {
            sb.AppendLine($"| {cls} | {group} | {total} | {Ratio(right, total)} | {none} |");
        }
        foreach (var group in new[] { "typos", "spelling" })
        {
            var g = rows.Where(r => r.Group == group).ToList();
            sb.AppendLine($"| **all {group}** | goal {(group == "typos" ? "≥ 0.99" : "≥ 0.95")} | {g.Sum(r => r.Total)} | **{Ratio(g.Sum(r => r.Right), g.Sum(r => r.Total))}** | {g.Sum(r => r.NoCandidate)} |");
        }
        foreach (var group in new[] { "typos", "spelling" })
        {
            var g = rows.Where(r => r.Group == group).ToList();
            var (t0, r0) = exactRule.GetValueOrDefault(group);
            sb.AppendLine($"| all {group}, names shared only as the same string left out (rounds 5 and 6) | | {g.Sum(r => r.Total) + t0} | {Ratio(g.Sum(r => r.Right) + r0, g.Sum(r => r.Total) + t0)} | |");
        }
        sb.AppendLine();
        sb.AppendLine("| script | names not listed | any match | share |");
        sb.AppendLine("|---|---|---|---|");
        foreach (var (script, (total, h)) in byScript)
        {
            sb.AppendLine($"| {script} | {total} | {h} | {Percent(h, total)} |");
        }
        var allTotal = byScript.Values.Sum(v => v.Total);
        var allHits = byScript.Values.Sum(v => v.Hits);
        sb.AppendLine($"| **all** (goal ≤ 0.5 % overall and per script) | {allTotal} | {allHits} | **{Percent(allHits, allTotal)}** |");
        if (tune)
        {
            sb.AppendLine();
            sb.AppendLine("Misses by gap between the first UN match and the right entry: " + string.Join(", ", missKinds.Select(k => $"{k.Key} {k.Value}")));
            // CPU time of the variant searches alone, once more after the counting: compare ratios within one run on a loaded host.
            var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            foreach (var q in queries)
            {
                index.Search(new ScreeningQuery(q), threshold, 10);
            }
            cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu;
            // A fixed workload the matcher's changes do not touch, so runs on a loaded host compare by the ratio.
            var reference = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            var sink = 0;
            for (var r = 0; r < 40; r++)
            {
                for (var k = 1; k < queries.Count; k++)
                {
                    sink += ReferenceDistance(queries[k], queries[k - 1]);
                }
            }
            reference = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - reference;
            sb.AppendLine($"CPU time of {queries.Count} variant searches: {cpu.TotalMilliseconds:0} ms ({cpu.TotalMicroseconds / Math.Max(1, queries.Count):0} µs each); "
                + $"reference workload {reference.TotalMilliseconds:0} ms (checksum {sink}); ratio {cpu.TotalMilliseconds / Math.Max(1, reference.TotalMilliseconds):0.000}");
        }
        Console.Write(sb.ToString());
        foreach (var line in misses.Concat(hits))
        {
            Console.WriteLine(line);
        }
    }

    /// <summary>Plain Levenshtein distance, kept here so the timing reference never changes with the matcher.</summary>
    private static int ReferenceDistance(string a, string b)
    {
        var row = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            row[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.Length];
    }

    /// <summary>The words of a name as the matcher reads them, in alphabetical order.</summary>
    private static string Words(string name)
        => string.Join(' ', new PreparedName(name, NameSchema.Person).Tokens.Select(t => t.Text).Order(StringComparer.Ordinal));

    /// <summary>0 = tune half, 1 = report half: FNV-1a of the key, so the split never depends on order or run.</summary>
    public static int Half(string key) => (int)(Fnv(key) % 2);

    private static int Seed(string key) => (int)(Fnv(key) & 0x7FFFFFFF);

    private static uint Fnv(string key)
    {
        var hash = 2166136261u;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return hash;
    }

    private static string Ratio(int n, int total) => total == 0 ? "n/a" : $"{(double)n / total:0.000}";

    private static string Percent(int n, int total) => total == 0 ? "n/a" : $"{100.0 * n / total:0.00} %";
}
