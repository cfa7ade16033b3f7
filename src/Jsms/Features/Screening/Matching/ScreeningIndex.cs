using System.Collections.Frozen;
using System.Globalization;
using Jsms.Features.Screening.Lists;

namespace Jsms.Features.Screening.Matching;

/// <summary>A question to the lists: a name, and optionally a birth date, a nationality (ISO code or name) and a type.</summary>
public sealed record ScreeningQuery(string Name, BirthDate? BirthDate = null, string? Nationality = null, EntryKind? Type = null);

/// <summary>One ranked answer: the entry, the name of it that matched best, the score and the reasons in words.</summary>
public sealed record ScreeningMatch(
    ListSource Source,
    string SourceId,
    string? Reference,
    EntryKind Kind,
    string PrimaryName,
    string MatchedName,
    NameKind MatchedNameKind,
    double NameScore,
    double Score,
    IReadOnlyList<string> Explanation);

/// <summary>An entry of the index with its names prepared.</summary>
internal sealed record IndexedEntry(ListSource Source, ListedEntry Entry, PreparedName[] Names);

/// <summary>
/// An immutable, in-memory index of the current list versions. Candidates come from an inverted index
/// of phonetic keys and word prefixes, so a search scores a few dozen names, not all of them.
/// </summary>
internal sealed class ScreeningIndex
{
    /// <summary>Scores at or above this are reported as matches (tuned on half of name-pairs.csv, see docs/screening.md).</summary>
    public const double DefaultThreshold = 0.75;

    private readonly IndexedEntry[] _entries;
    // Every (entry, name) pair as one posting target.
    private readonly (int Entry, int Name)[] _names;
    private readonly FrozenDictionary<string, int[]> _postings;

    public ScreeningIndex(IEnumerable<(ListSource Source, ListedEntry Entry)> entries, IReadOnlyDictionary<ListSource, Guid>? versions = null)
    {
        Versions = versions ?? new Dictionary<ListSource, Guid>();
        _entries = [.. entries.Select(e => new IndexedEntry(e.Source, e.Entry,
            [.. e.Entry.Names.Select(n => new PreparedName(n.Name, e.Entry.Kind == EntryKind.Person ? NameSchema.Person : NameSchema.Entity))]))
            .Where(e => e.Names.Length > 0)];
        var names = new List<(int, int)>();
        var postings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var e = 0; e < _entries.Length; e++)
        {
            for (var n = 0; n < _entries[e].Names.Length; n++)
            {
                var id = names.Count;
                names.Add((e, n));
                foreach (var token in _entries[e].Names[n].Tokens)
                {
                    foreach (var key in KeysOf(token))
                    {
                        if (!postings.TryGetValue(key, out var list))
                        {
                            postings[key] = list = [];
                        }
                        if (list.Count == 0 || list[^1] != id)
                        {
                            list.Add(id);
                        }
                    }
                }
            }
        }
        _names = [.. names];
        _postings = postings.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }

    public static ScreeningIndex Empty { get; } = new([]);

    public IReadOnlyDictionary<ListSource, Guid> Versions { get; }

    public int EntryCount => _entries.Length;

    public int NameCount => _names.Length;

    /// <summary>Index keys of a word: its phonetic key, and its first three letters (for typos that change the key).</summary>
    private static IEnumerable<string> KeysOf(NameToken token)
    {
        if (token.Weight < 0.5f || token.Initial)
        {
            yield break;
        }
        yield return "k:" + token.Key;
        yield return "p:" + (token.Text.Length > 4 ? token.Text[..4] : token.Text);
        if (token.Text.Length >= 7)
        {
            // The end of a long word finds it when the beginning was misspelt or glued to a prefix.
            yield return "s:" + token.Text[^5..];
        }
    }

    public List<ScreeningMatch> Search(ScreeningQuery query, double threshold = DefaultThreshold, int limit = 10)
    {
        var schema = query.Type is null ? NameSchema.Any : query.Type == EntryKind.Person ? NameSchema.Person : NameSchema.Entity;
        var asPerson = new PreparedName(query.Name, schema == NameSchema.Entity ? NameSchema.Entity : NameSchema.Person);
        var asEntity = schema == NameSchema.Any ? new PreparedName(query.Name, NameSchema.Entity) : asPerson;
        if (asPerson.IsEmpty)
        {
            return [];
        }
        var candidates = Candidates(asPerson);
        var best = new Dictionary<int, ScreeningMatch>();
        foreach (var nameId in candidates)
        {
            var (entryIndex, nameIndex) = _names[nameId];
            var entry = _entries[entryIndex];
            if (query.Type is { } type && !TypeFits(type, entry.Entry.Kind))
            {
                continue;
            }
            var prepared = entry.Entry.Kind == EntryKind.Person ? asPerson : asEntity;
            var listedName = entry.Names[nameIndex];
            var comparison = NameMatcher.Compare(prepared, listedName, explain: false);
            var nameKind = entry.Entry.Names[nameIndex].Kind;
            var nameScore = comparison.Score * (nameKind == NameKind.WeakAlias ? 0.92 : 1.0);
            if (nameScore < threshold - 0.15 || (best.TryGetValue(entryIndex, out var known) && known.NameScore >= nameScore))
            {
                continue;
            }
            best[entryIndex] = new ScreeningMatch(entry.Source, entry.Entry.SourceId, entry.Entry.Reference, entry.Entry.Kind,
                entry.Entry.PrimaryName, listedName.Original, nameKind, nameScore, nameScore, []);
        }
        var results = new List<ScreeningMatch>(best.Count);
        foreach (var (entryIndex, match) in best)
        {
            var entry = _entries[entryIndex];
            var prepared = entry.Entry.Kind == EntryKind.Person ? asPerson : asEntity;
            var listedName = entry.Names.First(n => n.Original == match.MatchedName);
            var comparison = NameMatcher.Compare(prepared, listedName, explain: true);
            var (score, lines) = Explain(query, entry, match, comparison);
            if (score >= threshold)
            {
                results.Add(match with { Score = Math.Round(score, 3), NameScore = Math.Round(match.NameScore, 3), Explanation = lines });
            }
        }
        return [.. results.OrderByDescending(r => r.Score).ThenBy(r => r.Source).ThenBy(r => r.SourceId, StringComparer.Ordinal).Take(limit)];
    }

    private static bool TypeFits(EntryKind wanted, EntryKind actual)
        => wanted == actual || (wanted == EntryKind.Entity && actual is EntryKind.Vessel or EntryKind.Aircraft);

    [ThreadStatic]
    private static float[]? _accumulator;

    /// <summary>At most this many names get a full comparison: those sharing the most key weight with the query.</summary>
    private const int MaxCandidates = 250;

    /// <summary>Names sharing enough key weight with the query to be worth a full comparison.</summary>
    private List<int> Candidates(PreparedName query)
    {
        var tokens = query.Tokens;
        var scores = _accumulator is { } acc && acc.Length == _names.Length ? acc : _accumulator = new float[_names.Length];
        var touched = new List<int>(256);
        var needed = 0.5f * query.TotalWeight;
        var lookups = new List<NameToken>(tokens);
        // Neighbouring words joined ("Jin ping" finds "Jinping").
        for (var i = 0; i + 1 < tokens.Length; i++)
        {
            var text = tokens[i].Text + tokens[i + 1].Text;
            lookups.Add(new NameToken(text, NameText.Key(text), Math.Min(tokens[i].Weight, tokens[i + 1].Weight), false, 1f));
        }
        var seen = new HashSet<int>();
        foreach (var token in lookups)
        {
            seen.Clear();
            foreach (var key in KeysOf(token))
            {
                if (!_postings.TryGetValue(key, out var list))
                {
                    continue;
                }
                foreach (var id in list)
                {
                    if (seen.Add(id))
                    {
                        if (scores[id] == 0)
                        {
                            touched.Add(id);
                        }
                        scores[id] += token.Weight;
                    }
                }
            }
        }
        var result = new List<(int Id, float Weight)>();
        foreach (var id in touched)
        {
            var weight = scores[id];
            scores[id] = 0;
            if (weight >= needed || weight >= 1.5f || tokens.Length == 1)
            {
                result.Add((id, weight));
            }
        }
        if (result.Count > MaxCandidates)
        {
            result.Sort(static (a, b) => b.Weight.CompareTo(a.Weight));
            result.RemoveRange(MaxCandidates, result.Count - MaxCandidates);
        }
        return [.. result.Select(r => r.Id)];
    }

    /// <summary>Adjusts the name score by birth date and nationality and writes the explanation.</summary>
    private static (double Score, List<string> Lines) Explain(ScreeningQuery query, IndexedEntry entry, ScreeningMatch match, NameComparison comparison)
    {
        var lines = new List<string>();
        var how = match.MatchedNameKind switch
        {
            NameKind.Primary => "the listed name",
            NameKind.OriginalScript => "the name in its original script",
            NameKind.WeakAlias => "a low-quality alias (weighted down)",
            _ => "an alias",
        };
        lines.Add($"Name \"{query.Name}\" matched {how} \"{match.MatchedName}\" at {match.NameScore:0.00}.");
        if (comparison.Pairs.Count > 0)
        {
            lines.Add("Words: " + string.Join("; ", comparison.Pairs.Select(p =>
                p.Similarity >= 0.999 ? $"{p.Query} = {p.Listed}" : $"{p.Query} ~ {p.Listed} ({p.How}, {p.Similarity:0.00})")) + ".");
        }
        if (comparison.UnmatchedQuery.Count > 0 || comparison.UnmatchedListed.Count > 0)
        {
            var parts = new List<string>();
            if (comparison.UnmatchedQuery.Count > 0)
            {
                parts.Add("in the query only: " + string.Join(", ", comparison.UnmatchedQuery));
            }
            if (comparison.UnmatchedListed.Count > 0)
            {
                parts.Add("in the listed name only: " + string.Join(", ", comparison.UnmatchedListed));
            }
            lines.Add("Weakened by words without a counterpart (" + string.Join("; ", parts) + ").");
        }
        var score = match.NameScore;
        if (query.BirthDate is { } dob)
        {
            var listed = entry.Entry.BirthDates;
            if (listed.Count == 0)
            {
                lines.Add("Birth date: the list gives none, so it neither supports nor weakens the match.");
            }
            else
            {
                var (adjust, text) = CompareBirth(dob, listed);
                score += adjust;
                lines.Add(text);
            }
        }
        if (Countries.ToIso2(query.Nationality) is { } nationality)
        {
            var listed = entry.Entry.Nationalities;
            if (listed.Count == 0)
            {
                lines.Add("Nationality: the list gives none.");
            }
            else if (listed.Contains(nationality, StringComparer.OrdinalIgnoreCase))
            {
                score += 0.03;
                lines.Add($"Nationality {nationality} is among the listed nationalities ({string.Join(", ", listed)}): supports (+0.03).");
            }
            else
            {
                score -= 0.05;
                lines.Add($"Nationality {nationality} is not among the listed nationalities ({string.Join(", ", listed)}): weakens (-0.05).");
            }
        }
        if (query.Type is null && entry.Entry.Kind != EntryKind.Person)
        {
            lines.Add($"The listed entry is of type {entry.Entry.Kind.ToString().ToLowerInvariant()}.");
        }
        return (Math.Clamp(score, 0, 1), lines);
    }

    private static (double Adjust, string Text) CompareBirth(BirthDate query, IReadOnlyList<BirthDate> listed)
    {
        var best = double.NegativeInfinity;
        var bestText = "";
        var listedText = string.Join("; ", listed);
        foreach (var date in listed)
        {
            var (adjust, text) = CompareOne(query, date);
            if (adjust > best)
            {
                best = adjust;
                bestText = text;
            }
        }
        var sign = best > 0 ? "supports" : best < 0 ? "weakens" : "neutral";
        return (best, $"Birth date {query} vs listed {listedText}: {bestText}, {sign} ({best.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture)}).");
    }

    private static (double, string) CompareOne(BirthDate query, BirthDate listed)
    {
        if (query.Year is not { } year)
        {
            return (0, "no year given");
        }
        if (listed.FromYear is { } from && listed.ToYear is { } to)
        {
            return year >= from && year <= to ? (0.04, "within the listed range")
                : Math.Min(Math.Abs(year - from), Math.Abs(year - to)) <= 2 ? (-0.04, "just outside the listed range")
                : (-0.15, "outside the listed range");
        }
        if (listed.Year is not { } listedYear)
        {
            return (0, "not comparable");
        }
        var gap = Math.Abs(year - listedYear);
        if (gap == 0)
        {
            if (query.Month is { } m && listed.Month is { } lm)
            {
                if (m != lm)
                {
                    return (-0.03, "same year, different month");
                }
                if (query.Day is { } d && listed.Day is { } ld)
                {
                    return d == ld ? (0.08, "the same date") : (-0.02, "same year and month, different day");
                }
                return (0.06, "same year and month");
            }
            return (0.05, "the same year");
        }
        if (listed.Approximate)
        {
            return gap <= 2 ? (0.0, "close to an approximate listed year") : gap <= 5 ? (-0.06, $"{gap} years from an approximate listed year") : (-0.15, $"{gap} years apart");
        }
        return gap == 1 ? (-0.04, "one year apart") : gap <= 3 ? (-0.08, $"{gap} years apart") : (-0.15, $"{gap} years apart");
    }
}
