using System.Collections.Frozen;
using System.Globalization;
using Jsms.Features.Screening.Lists;

namespace Jsms.Features.Screening.Matching;

/// <summary>
/// An immutable, in-memory index of the current list versions. Candidates come from an inverted index
/// of phonetic keys and word prefixes, so a search scores a few dozen names, not all of them.
/// </summary>
internal sealed class ScreeningIndex
{
    /// <summary>Scores at or above this are reported as matches (tuned on the even rows of name-pairs.csv and of the non-listed names together, see docs/screening.md).</summary>
    public const double DefaultThreshold = 0.80;

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
                var prepared = _entries[e].Names[n];
                // Neighbouring words written as one in a query (Kim Jongun) find the name through "j:".
                var joinedKeys = prepared.IsEntity ? [] : prepared.Joined.Where(j => j.Weight >= 1f).Select(j => "j:" + j.Text);
                foreach (var key in prepared.Tokens.SelectMany(KeysOf).Concat(prepared.IsEntity ? AcronymKeys(prepared.Tokens) : joinedKeys))
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
        _names = [.. names];
        _postings = postings.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        // Word frequencies come from the names themselves; the names are then weighed by them.
        Statistics = new TokenStatistics(_entries.SelectMany(e => e.Names));
        foreach (var entry in _entries)
        {
            foreach (var name in entry.Names)
            {
                name.Reweigh(Statistics);
            }
        }
    }

    /// <summary>How informative each word is in these lists (queries are weighed with it too).</summary>
    public TokenStatistics Statistics { get; }

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
        // One typing error apart (Adbul, Abdul) and one name by other conventions (Usman, Uthman).
        foreach (var key in Typos.Keys(token.Text))
        {
            yield return "t:" + key;
        }
        foreach (var key in SpellingConventions.Keys(token.Text))
        {
            yield return "c:" + key;
        }
        if (token.Text.Length >= 4)
        {
            yield return "j:" + token.Text;
        }
    }

    /// <summary>The initials of each run of 2 to 5 words of an organisation name, so that "PLA" finds People's Liberation Army.</summary>
    private static IEnumerable<string> AcronymKeys(NameToken[] tokens)
    {
        for (var start = 0; start < tokens.Length; start++)
        {
            for (var length = 2; length <= 5 && start + length <= tokens.Length; length++)
            {
                var initials = string.Concat(tokens.Skip(start).Take(length).Select(t => t.Text[0]));
                yield return "p:" + (initials.Length > 4 ? initials[..4] : initials);
            }
        }
    }

    public List<ScreeningMatch> Search(ScreeningQuery query, double threshold = DefaultThreshold, int limit = 10)
    {
        var schema = query.Type is null ? NameSchema.Any : query.Type == EntryKind.Person ? NameSchema.Person : NameSchema.Entity;
        var asPerson = new PreparedName(query.Name, schema == NameSchema.Entity ? NameSchema.Entity : NameSchema.Person);
        if (asPerson.IsEmpty)
        {
            return [];
        }
        // Index look-ups are chosen on the base weights (particles and initials are not looked up) ...
        var lookups = Lookups(asPerson);
        // ... and the names weighed by how informative their words are in the lists.
        asPerson.Reweigh(Statistics);
        PreparedName? asEntity = schema == NameSchema.Any ? null : asPerson;
        var candidates = Candidates(asPerson, lookups);
        // Best name of each entry: entry -> (name, score).
        var best = new Dictionary<int, (int Name, double Score)>();
        bool? personLike = null;
        foreach (var nameId in candidates)
        {
            var (entryIndex, nameIndex) = _names[nameId];
            var entry = _entries[entryIndex];
            if (query.Type is { } type && !TypeFits(type, entry.Entry.Kind))
            {
                continue;
            }
            var prepared = entry.Entry.Kind == EntryKind.Person ? asPerson : asEntity ??= WithStatistics(query.Name, NameSchema.Entity);
            var comparison = NameMatcher.Compare(prepared, entry.Names[nameIndex], explain: false);
            if (entry.Entry.Kind != EntryKind.Person && query.Type is null && (personLike ??= LooksLikePerson(asPerson, prepared))
                && (!comparison.Complete || comparison.Weakest < PersonToOrganisationMinSimilarity))
            {
                // A person's name matches an organisation only whole and closely, never on a part of it (Dong Gang, Tae Dong Gang).
                continue;
            }
            var nameScore = comparison.Score * (entry.Entry.Names[nameIndex].Kind == NameKind.WeakAlias ? 0.92 : 1.0);
            if (nameScore < threshold - 0.15 || (best.TryGetValue(entryIndex, out var known) && known.Score >= nameScore))
            {
                continue;
            }
            best[entryIndex] = (nameIndex, nameScore);
        }
        var results = new List<ScreeningMatch>(best.Count);
        foreach (var (entryIndex, (nameIndex, nameScore)) in best)
        {
            var entry = _entries[entryIndex];
            var prepared = entry.Entry.Kind == EntryKind.Person ? asPerson : asEntity ??= WithStatistics(query.Name, NameSchema.Entity);
            var listedName = entry.Names[nameIndex];
            var match = new ScreeningMatch(entry.Source, entry.Entry.SourceId, entry.Entry.Reference, entry.Entry.Kind,
                entry.Entry.PrimaryName, listedName.Original, entry.Entry.Names[nameIndex].Kind, nameScore, nameScore, []);
            var comparison = NameMatcher.Compare(prepared, listedName, explain: true);
            var (score, lines) = Explain(query, entry, match, comparison);
            if (score >= threshold)
            {
                results.Add(match with
                {
                    Score = Math.Round(score, 3), NameScore = Math.Round(nameScore, 3), Explanation = lines,
                    Rules = [.. comparison.Pairs.Where(p => p.How is not ("same" or "")).Select(p => $"{p.Query} ~ {p.Listed}: {p.How}")],
                });
            }
        }
        results.Sort(static (a, b) => b.Score.CompareTo(a.Score) is var c && c != 0 ? c
            : a.Source.CompareTo(b.Source) is var d && d != 0 ? d : string.CompareOrdinal(a.SourceId, b.SourceId));
        if (results.Count > limit)
        {
            results.RemoveRange(limit, results.Count - limit);
        }
        return results;
    }

    /// <summary>The weakest word pair a person-like name may have with an organisation's name.</summary>
    internal static double PersonToOrganisationMinSimilarity = 0.92;

    /// <summary>Two to four words, none of them a legal form, number or other word of organisation names: how persons are written.</summary>
    private static bool LooksLikePerson(PreparedName asPerson, PreparedName asEntity)
        => asPerson.Tokens.Length is >= 2 and <= 4 && asEntity.Tokens.All(t => !t.Generic) || asPerson.Chinese;

    private PreparedName WithStatistics(string name, NameSchema schema)
    {
        var prepared = new PreparedName(name, schema);
        prepared.Reweigh(Statistics);
        return prepared;
    }

    private static bool TypeFits(EntryKind wanted, EntryKind actual)
        => wanted == actual || (wanted == EntryKind.Entity && actual is EntryKind.Vessel or EntryKind.Aircraft);

    [ThreadStatic]
    private static float[]? _accumulator;

    [ThreadStatic]
    private static int[]? _lastLookup;

    /// <summary>At most this many names get a full comparison: those sharing the most word weight with the query.</summary>
    internal static int MaxCandidates = 250;

    /// <summary>The index keys of each word of the query and of each pair of neighbouring words joined ("Jin ping" finds "Jinping").</summary>
    private static List<(int Token, int Second, string[] Keys)> Lookups(PreparedName query)
    {
        var tokens = query.Tokens;
        var lookups = new List<(int, int, string[])>(tokens.Length * 2);
        for (var i = 0; i < tokens.Length; i++)
        {
            lookups.Add((i, -1, [.. KeysOf(tokens[i])]));
            if (tokens[i].Weight >= 0.5f && !tokens[i].Initial)
            {
                // The word written exactly, or exactly as two listed words joined, counts again: among many names
                // sharing a prefix (Mohammad...), those with the very word come first.
                lookups.Add((i, -1, ["t:" + tokens[i].Text, "j:" + tokens[i].Text]));
            }
        }
        for (var i = 0; i + 1 < tokens.Length; i++)
        {
            if (tokens[i].Weight >= 0.5f && tokens[i + 1].Weight >= 0.5f)
            {
                lookups.Add((i, i + 1, [.. KeysOf(query.Joined[i])]));
            }
        }
        return lookups;
    }

    /// <summary>Names sharing enough word weight with the query to be worth a full comparison, the most promising first.</summary>
    private List<int> Candidates(PreparedName query, List<(int Token, int Second, string[] Keys)> lookups)
    {
        var tokens = query.Tokens;
        var scores = _accumulator is { } acc && acc.Length == _names.Length ? acc : _accumulator = new float[_names.Length];
        var last = _lastLookup is { } ll && ll.Length == _names.Length ? ll : _lastLookup = new int[_names.Length];
        var touched = new List<int>(512);
        for (var l = 0; l < lookups.Count; l++)
        {
            var (token, second, keys) = lookups[l];
            var weight = second < 0 ? tokens[token].Weight : tokens[token].Weight + tokens[second].Weight;
            var stamp = l + 1;
            foreach (var key in keys)
            {
                if (!_postings.TryGetValue(key, out var list))
                {
                    continue;
                }
                foreach (var id in list)
                {
                    if (last[id] == stamp)
                    {
                        continue;
                    }
                    last[id] = stamp;
                    if (scores[id] == 0)
                    {
                        touched.Add(id);
                    }
                    scores[id] += weight;
                }
            }
        }
        var needed = tokens.Length == 1 ? 0f : 0.5f * query.TotalWeight;
        var result = new List<(int Id, float Weight)>();
        foreach (var id in touched)
        {
            var weight = scores[id];
            scores[id] = 0;
            last[id] = 0;
            if (weight >= needed)
            {
                result.Add((id, weight));
            }
        }
        if (result.Count > MaxCandidates)
        {
            result.Sort(static (a, b) => b.Weight.CompareTo(a.Weight));
            result.RemoveRange(MaxCandidates, result.Count - MaxCandidates);
        }
        var ids = new List<int>(result.Count);
        foreach (var (id, _) in result)
        {
            ids.Add(id);
        }
        return ids;
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
