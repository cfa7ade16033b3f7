using System.Collections.Frozen;
using Jsms.Features.Screening.Lists;

namespace Jsms.Features.Screening.Matching;

/// <summary>
/// An immutable, in-memory index of the current list versions. Candidates come from an inverted index
/// of phonetic keys and word prefixes, so a search scores a few dozen names, not all of them.
/// </summary>
internal sealed partial class ScreeningIndex
{
    /// <summary>Scores at or above this are reported as matches (tuned on the even rows of name-pairs.csv and of the non-listed names together, see docs/screening.md).</summary>
    public const double DefaultThreshold = 0.80;

    private readonly IndexedEntry[] _entries;
    // Every (entry, name) pair as one posting target.
    private readonly (int Entry, int Name)[] _names;
    private readonly FrozenDictionary<string, int[]> _postings;
    // Hashed whole-name keys of the listed persons' names (WholeName.AddTypoKeys), sorted, and the name of each.
    private readonly long[] _wholeKeys;
    private readonly int[] _wholeNames;

    public ScreeningIndex(IEnumerable<(ListSource Source, ListedEntry Entry)> entries, IReadOnlyDictionary<ListSource, Guid>? versions = null)
    {
        Versions = versions ?? new Dictionary<ListSource, Guid>();
        _entries = [.. entries.Select(e => new IndexedEntry(e.Source, e.Entry,
            [.. e.Entry.Names.Select(n => new PreparedName(n.Name, e.Entry.Kind == EntryKind.Person ? NameSchema.Person : NameSchema.Entity))]))
            .Where(e => e.Names.Length > 0)];
        var names = new List<(int, int)>();
        var postings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var whole = new List<long>();
        var wholeNames = new List<int>();
        for (var e = 0; e < _entries.Length; e++)
        {
            for (var n = 0; n < _entries[e].Names.Length; n++)
            {
                var id = names.Count;
                names.Add((e, n));
                var prepared = _entries[e].Names[n];
                // Neighbouring words written as one in a query (Kim Jongun) find the name through "j:".
                var joinedKeys = prepared.IsEntity ? [] : prepared.Joined.Where(j => j.Weight >= 1f).Select(j => "j:" + j.Text);
                if (!prepared.IsEntity && prepared.Whole is { } wholeName)
                {
                    var before = whole.Count;
                    wholeName.AddTypoKeys(whole);
                    wholeNames.AddRange(Enumerable.Repeat(id, whole.Count - before));
                }
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
        _wholeKeys = [.. whole];
        _wholeNames = [.. wholeNames];
        Array.Sort(_wholeKeys, _wholeNames);
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

    /// <summary>Every current version, one per list (each national list has its own), for the record of what a screening used.</summary>
    public IReadOnlyList<KeyValuePair<ListSource, Guid>> CurrentVersions { get; init; } = [];

    public int EntryCount => _entries.Length;

    public int NameCount => _names.Length;

    public List<ScreeningMatch> Search(ScreeningQuery query, double threshold = DefaultThreshold, int limit = 10)
    {
        if (SpellingReadings.AsListed(query.Name) is not { } reading)
        {
            return SearchAsWritten(query, threshold, limit);
        }
        // A name written by German or Turkish conventions is also read back the lists' way; each entry keeps its better score.
        var results = SearchAsWritten(query, threshold, int.MaxValue);
        var rule = $"read by {reading.Convention} conventions as \"{reading.Name}\"";
        foreach (var match in SearchAsWritten(query with { Name = reading.Name }, threshold, int.MaxValue))
        {
            var i = results.FindIndex(m => m.Source == match.Source && m.SourceId == match.SourceId);
            if (i < 0 || results[i].Score < match.Score)
            {
                var read = match with { Rules = [rule, .. match.Rules] };
                if (i < 0)
                {
                    results.Add(read);
                }
                else
                {
                    results[i] = read;
                }
            }
        }
        NameMatcher.Rank(results, query.Name);
        if (results.Count > limit)
        {
            results.RemoveRange(limit, results.Count - limit);
        }
        return results;
    }

    private List<ScreeningMatch> SearchAsWritten(ScreeningQuery query, double threshold, int limit)
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
            var (score, lines) = MatchExplanation.Explain(query, entry, match, comparison);
            if (score >= threshold)
            {
                results.Add(match with
                {
                    Score = Math.Round(score, 3), NameScore = Math.Round(nameScore, 3), Explanation = lines,
                    Rules = [.. comparison.Pairs.Where(p => p.How is not ("same" or "")).Select(p => $"{p.Query} ~ {p.Listed}: {p.How}")],
                });
            }
        }
        NameMatcher.Rank(results, query.Name);
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
}
