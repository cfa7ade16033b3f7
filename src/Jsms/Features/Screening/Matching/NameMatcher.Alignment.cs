namespace Jsms.Features.Screening.Matching;

/// <summary>Helpers of the alignment: abbreviations, organisation names written as one word, and the word masks.</summary>
internal static partial class NameMatcher
{
    /// <summary>
    /// Candidates pairing a short word of one name with a run of words of the other whose initials spell
    /// it: for organisations any word of 2 to 5 letters (PLA, US), for persons only 2 or 3 consonants (JC).
    /// </summary>
    private static int AddAcronyms(NameToken[] shorts, NameToken[] longs, bool entity, bool queryIsShort, Span<Candidate> candidates, int count)
    {
        for (var i = 0; i < shorts.Length; i++)
        {
            var text = shorts[i].Text;
            if (text.Length < 2 || text.Length > (entity ? 5 : 3) || text.Length > longs.Length || shorts[i].Initial || !IsAcronym(text, entity))
            {
                continue;
            }
            for (var j = 0; j + text.Length <= longs.Length; j++)
            {
                var fits = true;
                for (var k = 0; k < text.Length && fits; k++)
                {
                    fits = longs[j + k].Text[0] == text[k] && longs[j + k].Text.Length > 1;
                }
                if (fits)
                {
                    var run = ((1 << text.Length) - 1) << j;
                    var gain = (shorts[i].Weight + WeightOf(longs, run)) * AcronymSimilarity;
                    candidates[count++] = queryIsShort
                        ? new Candidate(AcronymSimilarity, 1 << i, run, gain, true)
                        : new Candidate(AcronymSimilarity, run, 1 << i, gain, true);
                }
            }
        }
        return count;
    }

    private static bool IsAcronym(string text, bool entity)
    {
        foreach (var ch in text)
        {
            if (!char.IsAsciiLetter(ch) || (!entity && VowelClass(ch) != 0))
            {
                return false;
            }
        }
        return true;
    }

    private static bool AllGeneric(NameToken[] tokens, int mask)
    {
        for (var i = 0; i < tokens.Length; i++)
        {
            if ((mask & (1 << i)) != 0 && !tokens[i].Generic)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>A distinctive word (not generic, not a particle) without a partner.</summary>
    private static bool Leftover(NameToken[] tokens, int used)
    {
        for (var i = 0; i < tokens.Length; i++)
        {
            if ((used & (1 << i)) == 0 && !tokens[i].Generic && tokens[i].Weight >= 0.3f)
            {
                return true;
            }
        }
        return false;
    }

    private static int DistinctiveCount(NameToken[] tokens)
    {
        var n = 0;
        foreach (var t in tokens)
        {
            n += t.Generic ? 0 : 1;
        }
        return n;
    }

    /// <summary>The distinctive words of both organisation names, each written as one word, compared by spelling.</summary>
    private static double WholeNameSimilarity(NameToken[] q, NameToken[] c)
    {
        var a = string.Concat(q.Where(t => !t.Generic).Select(t => t.Text));
        var b = string.Concat(c.Where(t => !t.Generic).Select(t => t.Text));
        if (a.Length < 5 || b.Length < 5 || Math.Abs(a.Length - b.Length) > 3)
        {
            return 0;
        }
        var sim = EntityEditShare * (1.0 - (double)StringDistance.DamerauLevenshtein(a, b) / Math.Max(a.Length, b.Length)) + (1 - EntityEditShare) * StringDistance.JaroWinkler(a, b);
        return sim >= 0.9 ? sim * WholeNameFactor : 0;
    }

    private static bool IsInitialPair(NameToken[] q, NameToken[] c, Candidate cand)
        => (q[BitIndex(cand.QueryMask)].Initial && (cand.QueryMask & (cand.QueryMask - 1)) == 0)
            || (c[BitIndex(cand.ListedMask)].Initial && (cand.ListedMask & (cand.ListedMask - 1)) == 0);

    private static float WeightOf(NameToken[] tokens, int mask)
    {
        var w = 0f;
        for (var i = 0; i < tokens.Length; i++)
        {
            if ((mask & (1 << i)) != 0)
            {
                w += tokens[i].Weight;
            }
        }
        return w;
    }

    private static float ConflictWeightOf(NameToken[] tokens, int used)
    {
        var w = 0f;
        for (var i = 0; i < tokens.Length; i++)
        {
            if ((used & (1 << i)) == 0)
            {
                w += tokens[i].ConflictWeight;
            }
        }
        return w;
    }

    private static string TextOf(NameToken[] tokens, int mask)
        => string.Join(' ', tokens.Where((_, i) => (mask & (1 << i)) != 0).Select(t => t.Text));

    private static List<string> Unmatched(NameToken[] tokens, int used)
        => [.. tokens.Where((t, i) => (used & (1 << i)) == 0 && t.Weight >= 0.5f).Select(t => t.Text)];

    /// <summary>The word, or the two neighbouring words joined, that a mask of the alignment stands for.</summary>
    private static NameToken TokenOf(PreparedName name, int mask)
        => (mask & (mask - 1)) == 0 ? name.Tokens[BitIndex(mask)] : name.Joined[BitIndex(mask)];

    private static string JoinedHow(string how) => how is "same" or "" ? "joined words" : "joined words, " + how;

    private static int BitIndex(int mask) => System.Numerics.BitOperations.TrailingZeroCount(mask);
}
