namespace Jsms.Features.Screening.Matching;

/// <summary>Finding candidates: the index keys of a word and the names sharing enough of them with a query.</summary>
internal sealed partial class ScreeningIndex
{
    /// <summary>Index keys of a word: its phonetic key, and its first three letters (for typos that change the key).</summary>
    private static IEnumerable<string> KeysOf(NameToken token)
    {
        if (token.Weight < 0.5f || token.Initial)
        {
            yield break;
        }
        // One typing error apart (Adbul, Abdul); first, so that a name found through them counts them (Candidates).
        foreach (var key in Typos.Keys(token.Text))
        {
            yield return "t:" + key;
        }
        if (token.Written is { } written)
        {
            // A typo in the prefix of an Abd word is one letter from the word as written (Adbullah, Abdullah).
            foreach (var key in Typos.Keys(written))
            {
                yield return "t:" + key;
            }
        }
        yield return "k:" + token.Key;
        yield return "p:" + (token.Text.Length > 4 ? token.Text[..4] : token.Text);
        if (token.Text.Length >= 7)
        {
            // The end of a long word finds it when the beginning was misspelt or glued to a prefix.
            yield return "s:" + token.Text[^5..];
        }
        // One name by other conventions (Usman, Uthman).
        foreach (var key in SpellingConventions.Keys(token.Text))
        {
            yield return "c:" + key;
        }
        if (token.Text.Length >= 4)
        {
            yield return "j:" + token.Text;
        }
    }

    /// <summary>The listed persons' names one typing error from the query in their letters, spaces aside (sorted hashed keys).</summary>
    private void AddWholeNameMatches(PreparedName query, float[] scores, int[] last, List<int> touched, int stamp)
    {
        if (query.IsEntity || query.Whole is not { } whole)
        {
            return;
        }
        var keys = new List<long>(whole.Letters.Length + 1);
        whole.AddTypoKeys(keys);
        foreach (var key in keys)
        {
            var at = Array.BinarySearch(_wholeKeys, key);
            if (at < 0)
            {
                continue;
            }
            // Back to the first of equal keys, then every name under it.
            while (at > 0 && _wholeKeys[at - 1] == key)
            {
                at--;
            }
            for (; at < _wholeKeys.Length && _wholeKeys[at] == key; at++)
            {
                var id = _wholeNames[at];
                if (last[id] == stamp)
                {
                    continue;
                }
                last[id] = stamp;
                if (scores[id] == 0)
                {
                    touched.Add(id);
                }
                // Counts as the whole query (Omar Hsji, Abu al-Qard: read word by word, the typo made a title or a first
                // letter nothing else finds).
                scores[id] += query.TotalWeight;
            }
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

    [ThreadStatic]
    private static float[]? _accumulator;

    [ThreadStatic]
    private static int[]? _lastLookup;

    // Working lists of one search, kept per thread like the arrays above: a search would otherwise grow them anew.
    [ThreadStatic]
    private static List<int>? _touched;

    [ThreadStatic]
    private static List<(int Id, float Weight)>? _passing;

    /// <summary>At most this many names get a full comparison: those sharing the most word weight with the query.</summary>
    internal static int MaxCandidates = 250;

    /// <summary>How much more a word found through a typing-error key counts than one found through its sound or beginning: enough to rank, too little to make more names pass.</summary>
    private const float TypoBonus = 1.02f;

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
        var touched = _touched ??= new List<int>(512);
        touched.Clear();
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
                // A word one typing error away counts a little more than a word that only sounds alike or starts
                // alike: a common sound (Hocine among the many Hasans and Husseins) has more names than a search compares.
                var counted = key[0] == 't' ? weight * TypoBonus : weight;
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
                    scores[id] += counted;
                }
            }
        }
        AddWholeNameMatches(query, scores, last, touched, lookups.Count + 1);
        var needed = tokens.Length == 1 ? 0f : 0.5f * query.TotalWeight;
        var result = _passing ??= new List<(int Id, float Weight)>(512);
        result.Clear();
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
            // Among names sharing as much, those with as many words as the query first (the words they lack are fewer),
            // then in the index's order, so that which names are compared never depends on how the sort breaks ties.
            var words = tokens.Length;
            result.Sort((a, b) => b.Weight != a.Weight ? b.Weight.CompareTo(a.Weight)
                : WordGap(a.Id, words) != WordGap(b.Id, words) ? WordGap(a.Id, words).CompareTo(WordGap(b.Id, words)) : a.Id.CompareTo(b.Id));
            result.RemoveRange(MaxCandidates, result.Count - MaxCandidates);
        }
        var ids = new List<int>(result.Count);
        foreach (var (id, _) in result)
        {
            ids.Add(id);
        }
        return ids;
    }

    private int WordGap(int id, int words) => Math.Abs(_entries[_names[id].Entry].Names[_names[id].Name].Tokens.Length - words);
}
