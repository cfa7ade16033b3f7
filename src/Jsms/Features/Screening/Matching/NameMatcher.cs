namespace Jsms.Features.Screening.Matching;

/// <summary>
/// Compares two prepared names independently of word order: every pair of words (and every word
/// against two neighbouring words joined, for "Jin ping"/"Jinping" or "Abdul Rahman"/"Abdulrahman") gets
/// a similarity (Jaro-Winkler on the Latin form, or agreement of the phonetic keys), the best pairs are
/// taken greedily without reuse, and the score weighs how much of each name is covered.
/// </summary>
internal static partial class NameMatcher
{
    /// <summary>Word pairs below this similarity do not count as matched.</summary>
    internal static double TokenThreshold = 0.72;

    public static NameComparison Compare(PreparedName query, PreparedName listed, bool explain = true)
    {
        var q = query.Tokens;
        var c = listed.Tokens;
        if (q.Length == 0 || c.Length == 0)
        {
            return new NameComparison(0, [], [], []);
        }
        // Two organisation names are compared more leniently: their distinctive words are few and typos in
        // them are what a screening must survive; persons keep the strict settings (the false-positive target).
        var entity = query.IsEntity && listed.IsEntity;
        var tokenThreshold = entity ? EntityTokenThreshold : TokenThreshold;
        // Candidate pairs: (similarity, query mask, listed mask).
        Span<Candidate> candidates = stackalloc Candidate[q.Length * c.Length * 5 + 4];
        var count = 0;
        for (var i = 0; i < q.Length; i++)
        {
            for (var j = 0; j < c.Length; j++)
            {
                var (sim, how) = TokenSimilarity(q[i], c[j], entity);
                if (sim >= tokenThreshold)
                {
                    candidates[count++] = new Candidate(sim, 1 << i, 1 << j, (q[i].Weight + c[j].Weight) * sim, Equivalent: ReferenceEquals(how, Equivalent));
                }
            }
        }
        // Two neighbouring words on one side against one word on the other.
        for (var i = 0; i + 1 < q.Length; i++)
        {
            ref readonly var joined = ref query.Joined[i];
            for (var j = 0; j < c.Length; j++)
            {
                if (Math.Abs(c[j].Text.Length - joined.Text.Length) <= 2)
                {
                    var (sim, how) = TokenSimilarity(joined, c[j], entity);
                    if (sim >= 0.88 && !ReferenceEquals(how, SoundsAlike) && !SpellingConventions.IsConvention(how) && (sim >= 0.999 || Math.Min(q[i].Text.Length, q[i + 1].Text.Length) >= 3))
                    {
                        candidates[count++] = new Candidate(sim, 3 << i, 1 << j, (q[i].Weight + q[i + 1].Weight + c[j].Weight) * sim);
                    }
                }
            }
        }
        for (var j = 0; j + 1 < c.Length; j++)
        {
            ref readonly var joined = ref listed.Joined[j];
            for (var i = 0; i < q.Length; i++)
            {
                if (Math.Abs(q[i].Text.Length - joined.Text.Length) <= 2)
                {
                    var (sim, how) = TokenSimilarity(q[i], joined, entity);
                    if (sim >= 0.88 && !ReferenceEquals(how, SoundsAlike) && !SpellingConventions.IsConvention(how) && (sim >= 0.999 || Math.Min(c[j].Text.Length, c[j + 1].Text.Length) >= 3))
                    {
                        candidates[count++] = new Candidate(sim, 1 << i, 3 << j, (q[i].Weight + c[j].Weight + c[j + 1].Weight) * sim);
                    }
                }
            }
        }
        // Two neighbouring words against two (Kwang-ik / Kwang-il: a typo in a syllable of a hyphenated given name).
        if (!entity)
        {
            for (var i = 0; i + 1 < q.Length; i++)
            {
                ref readonly var joinedQ = ref query.Joined[i];
                for (var j = 0; j + 1 < c.Length; j++)
                {
                    ref readonly var joinedC = ref listed.Joined[j];
                    if (Math.Abs(joinedC.Text.Length - joinedQ.Text.Length) <= 1 && joinedQ.Text != joinedC.Text)
                    {
                        var (sim, how) = TokenSimilarity(joinedQ, joinedC, entity);
                        if (sim >= 0.9 && !ReferenceEquals(how, SoundsAlike) && !SpellingConventions.IsConvention(how))
                        {
                            // One half the same and a typo in a short other half: the pair goes before the same half alone.
                            var halfSame = (q[i].Text == c[j].Text && Math.Max(q[i + 1].Text.Length, c[j + 1].Text.Length) <= 3)
                                || (q[i + 1].Text == c[j + 1].Text && Math.Max(q[i].Text.Length, c[j].Text.Length) <= 3);
                            candidates[count++] = new Candidate(sim, 3 << i, 3 << j, (q[i].Weight + q[i + 1].Weight + c[j].Weight + c[j + 1].Weight) * sim, Priority: halfSame);
                        }
                    }
                }
            }
        }
        // An abbreviation against the words it abbreviates (PLA / People's Liberation Army, JC / Jean-Claude).
        count = AddAcronyms(q, c, entity, queryIsShort: true, candidates, count);
        count = AddAcronyms(c, q, entity, queryIsShort: false, candidates, count);
        var chosen = candidates[..count];
        chosen.Sort(static (x, y) => y.Priority.CompareTo(x.Priority) is var p && p != 0 ? p
            : y.Similarity.CompareTo(x.Similarity) is var g && g != 0 ? g : y.Gain.CompareTo(x.Gain));
        int usedQ = 0, usedC = 0;
        double simSum = 0, simWeight = 0;
        float coveredQ = 0, coveredC = 0;
        var strongPairs = 0;
        var inversions = 0;
        var allSame = true;
        var minSimilarity = 1.0;
        var weakest = 1.0;
        // Syllables of a name written in Chinese characters that found a close partner.
        var syllables = 0;
        var simPower = entity ? EntitySimPower : SimPower;
        Span<int> order = stackalloc int[PreparedName.MaxTokens];
        order.Fill(-1);
        List<TokenPair>? pairs = explain ? [] : null;
        foreach (var cand in chosen)
        {
            if ((cand.QueryMask & usedQ) != 0 || (cand.ListedMask & usedC) != 0)
            {
                continue;
            }
            usedQ |= cand.QueryMask;
            usedC |= cand.ListedMask;
            allSame &= cand.Similarity >= 0.999;
            // Equivalent given names (John, Juan) are the same name: a close partner.
            minSimilarity = Math.Min(minSimilarity, cand.Equivalent ? 1 : cand.Similarity);
            weakest = Math.Min(weakest, cand.Similarity);
            if (cand.Similarity >= 0.999 || cand.Similarity == RomanisationSimilarity)
            {
                syllables += Math.Max(query.Chinese ? System.Numerics.BitOperations.PopCount((uint)cand.QueryMask) : 0,
                    listed.Chinese ? System.Numerics.BitOperations.PopCount((uint)cand.ListedMask) : 0);
            }
            var wq = WeightOf(q, cand.QueryMask);
            var wc = WeightOf(c, cand.ListedMask);
            if (IsInitialPair(q, c, cand))
            {
                // "S." confirms Siddiqui only as far as an initial can: the rest of the word stays unmatched.
                wq = wc = Math.Min(wq, wc);
            }
            coveredQ += wq;
            coveredC += wc;
            simSum += (simPower == 2 ? cand.Similarity * cand.Similarity : Math.Pow(cand.Similarity, simPower)) * (wq + wc);
            simWeight += wq + wc;
            order[BitIndex(cand.QueryMask)] = BitIndex(cand.ListedMask);
            if (entity ? !AllGeneric(q, cand.QueryMask) && !AllGeneric(c, cand.ListedMask) : wq + wc >= 1.2)
            {
                strongPairs++;
            }
            else if (strongPairs > 0 && IsInitialPair(q, c, cand))
            {
                strongPairs++;
            }
            if (pairs is not null)
            {
                var qt = TextOf(q, cand.QueryMask);
                var ct = TextOf(c, cand.ListedMask);
                var how = cand.Acronym ? "initials"
                    : (cand.QueryMask & (cand.QueryMask - 1)) != 0 || (cand.ListedMask & (cand.ListedMask - 1)) != 0
                    ? JoinedHow(TokenSimilarity(TokenOf(query, cand.QueryMask), TokenOf(listed, cand.ListedMask), entity).How)
                    : TokenSimilarity(q[BitIndex(cand.QueryMask)], c[BitIndex(cand.ListedMask)], entity).How;
                pairs.Add(new TokenPair(qt, ct, cand.Similarity, how));
            }
        }
        if (simWeight == 0)
        {
            return new NameComparison(0, [], explain ? [.. q.Select(t => t.Text)] : [], explain ? [.. c.Select(t => t.Text)] : []);
        }
        // Words left over on one side only are missing detail; left over on both sides they contradict.
        var leftQ = Math.Max(0, query.TotalWeight - coveredQ);
        var leftC = Math.Max(0, listed.TotalWeight - coveredC);
        var conflict = Math.Min(ConflictWeightOf(q, usedQ), ConflictWeightOf(c, usedC));
        // Words of the query without a partner are detail the listed name lacks; words of the listed name
        // without a partner are detail the query lacks. Both cost in proportion to how informative they are.
        // When every word of one name is written the same in the other (a short form of it: Boris Johnson,
        // Alexandre Boris de Pfeffel Johnson) and, for persons, two strong words matched, the extra words cost less.
        var extraQ = Math.Max(0, leftQ - conflict);
        var extraC = Math.Max(0, leftC - conflict);
        var subset = conflict == 0 && allSame && (entity || strongPairs >= 2) ? SubsetExtraFactor : 1.0;
        var score = simSum / (simWeight + ConflictCost * 2 * conflict
            + subset * (entity ? EntityExtraCost : QueryExtraCost) * extraQ + subset * (entity ? EntityExtraCost : ListedExtraCost) * extraC);
        // One matching word out of several is weak evidence, unless both names are that one word.
        // When every word of both names found a close partner, the names are alike whole (Hasan Rohani,
        // Hassan Rouhani), however common their words; near names (Sun Min, Son Min) stay weak evidence.
        var wholeMatched = leftQ < 0.05 && leftC < 0.05 && q.Length > 1 && minSimilarity >= AllMatchedMinSimilarity;
        if (strongPairs < 2 && !wholeMatched && (entity ? DistinctiveCount(q) > 1 || DistinctiveCount(c) > 1 : q.Length > 1 || c.Length > 1))
        {
            score *= SingleWordFactor;
        }
        if (entity && DistinctiveCount(q) != DistinctiveCount(c))
        {
            // Vanderbilt / Van der Bilt: the distinctive words written together.
            score = Math.Max(score, WholeNameSimilarity(q, c));
        }
        if (query.Genealogy && listed.Genealogy)
        {
            // Ahmad bin Hasan is the son, Hasan bin Ahmad the father: order across "bin" matters.
            var last = -1;
            for (var i = 0; i < q.Length; i++)
            {
                if (order[i] >= 0)
                {
                    if (order[i] < last)
                    {
                        inversions++;
                    }
                    last = order[i];
                }
            }
            if (inversions > 0)
            {
                score *= GenealogyInversionFactor;
            }
        }
        if ((query.Chinese || listed.Chinese) && syllables < 2)
        {
            // Chinese names of two or three characters share single syllables by the thousand (Wang, Li, Wei).
            score = Math.Min(score, 0.5);
        }
        score = Math.Clamp(score, 0, 1);
        var complete = !Leftover(q, usedQ) && !Leftover(c, usedC);
        var unmatchedQ = explain ? Unmatched(q, usedQ) : [];
        var unmatchedC = explain ? Unmatched(c, usedC) : [];
        return new NameComparison(score, (IReadOnlyList<TokenPair>?)pairs ?? [], unmatchedQ, unmatchedC) { Complete = complete, Weakest = weakest };
    }

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

    /// <summary>Organisation words below this similarity do not count as matched.</summary>
    internal static double EntityTokenThreshold = 0.65;

    /// <summary>Share of the edit distance in the spelling similarity of organisation words (the rest is Jaro-Winkler).</summary>
    internal static double EntityEditShare = 0.5;

    internal static double EntitySimPower = 1;

    /// <summary>What a word of one organisation name without a partner in the other costs.</summary>
    internal static double EntityExtraCost = 0.5;

    /// <summary>The cost of extra words when all the words of one name found a partner.</summary>
    internal static double SubsetExtraFactor = 0.5;

    internal static double EquivalentSimilarity = 0.9;

    internal static double RomanisationSimilarity = 0.95;

    internal static double AllMatchedMinSimilarity = 0.93;

    internal static double AbdSimilarity = 0.85;

    internal static double AbdMinWeight = 0.9;

    internal static double AcronymSimilarity = 0.9;

    internal static double WholeNameFactor = 0.95;

    internal static double ConflictCost = 1.5;
    internal static double FirstLetterFactor = 0.9;

    internal static double SimPower = 2;
    internal static double GenealogyInversionFactor = 0.75;
    internal static double QueryExtraCost = 0.5;
    internal static double ListedExtraCost = 0.5;
    internal static double SingleWordFactor = 0.85;

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

    private readonly record struct Candidate(double Similarity, int QueryMask, int ListedMask, double Gain, bool Acronym = false, bool Equivalent = false, bool Priority = false);

    private const string Equivalent = "equivalent names";

    // Words joined from two are matched by their letters, not by their sound or another convention (Gul Sahin is not Golsan, Xu Wei not Su Wei).
    private const string SoundsAlike = "sounds alike";

}
