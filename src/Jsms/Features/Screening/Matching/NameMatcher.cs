namespace Jsms.Features.Screening.Matching;

/// <summary>A name prepared once for many comparisons: its words, and each pair of neighbouring words joined.</summary>
internal sealed class PreparedName
{
    public PreparedName(string original, NameSchema schema, TokenStatistics? statistics = null)
    {
        Original = original;
        var tokens = NameText.Tokenize(original, schema, commonByList: statistics is not null);
        if (tokens.Length > MaxTokens)
        {
            tokens = tokens[..MaxTokens];
        }
        Genealogy = schema != NameSchema.Entity && NameText.HasGenealogy(original);
        IsEntity = schema == NameSchema.Entity;
        Tokens = tokens;
        Reweigh(statistics);
    }

    /// <summary>The name links generations (X bin Y): swapping X and Y names someone else.</summary>
    public bool Genealogy { get; }

    /// <summary>An organisation, vessel or aircraft name: compared with the entity settings when the other name is one too.</summary>
    public bool IsEntity { get; }

    public const int MaxTokens = 12;

    public string Original { get; }

    public NameToken[] Tokens { get; private set; }

    /// <summary>Word i and word i + 1 written as one ("Jin ping" / "Jinping").</summary>
    public NameToken[] Joined { get; private set; } = [];

    public float TotalWeight { get; private set; }

    public bool IsEmpty => Tokens.Length == 0;

    /// <summary>Weighs the words by how informative they are in the lists (common given names count less).</summary>
    internal void Reweigh(TokenStatistics? statistics)
    {
        if (statistics is not null)
        {
            var tokens = Tokens;
            for (var i = 0; i < tokens.Length; i++)
            {
                var f = statistics.Informativeness(tokens[i].Key);
                tokens[i] = tokens[i] with { Weight = tokens[i].Weight * f, ConflictWeight = tokens[i].ConflictWeight * f };
            }
        }
        var total = 0f;
        foreach (var t in Tokens)
        {
            total += t.Weight;
        }
        TotalWeight = total;
        var joined = new NameToken[Math.Max(0, Tokens.Length - 1)];
        for (var i = 0; i < joined.Length; i++)
        {
            var (a, b) = (Tokens[i], Tokens[i + 1]);
            joined[i] = new NameToken(a.Text + b.Text, a.Weight + b.Weight, false, a.ConflictWeight + b.ConflictWeight) with { Generic = a.Generic && b.Generic };
        }
        Joined = joined;
    }
}

/// <summary>One aligned pair of words (or of a word and two joined words) and how alike they are.</summary>
internal readonly record struct TokenPair(string Query, string Listed, double Similarity, string How);

internal sealed record NameComparison(double Score, IReadOnlyList<TokenPair> Pairs, IReadOnlyList<string> UnmatchedQuery, IReadOnlyList<string> UnmatchedListed);

/// <summary>
/// Compares two prepared names independently of word order: every pair of words (and every word
/// against two neighbouring words joined, for "Jin ping"/"Jinping" or "Abdul Rahman"/"Abdulrahman") gets
/// a similarity (Jaro-Winkler on the Latin form, or agreement of the phonetic keys), the best pairs are
/// taken greedily without reuse, and the score weighs how much of each name is covered.
/// </summary>
internal static class NameMatcher
{
    /// <summary>Word pairs below this similarity do not count as matched.</summary>
    internal static double TokenThreshold = 0.72;

    /// <summary>Similarity of two words in [0, 1] and why.</summary>
    /// <param name="entity">Organisation words: typos anywhere (Meta/Beta, Appel/Apple) and a lower bar.</param>
    public static (double Similarity, string How) TokenSimilarity(in NameToken a, in NameToken b, bool entity = false)
    {
        if (ReferenceEquals(a.Text, b.Text) || a.Text == b.Text)
        {
            return (1.0, "same");
        }
        if (a.Initial || b.Initial)
        {
            return a.Text[0] == b.Text[0] ? (0.9, "initial") : (0.0, "");
        }
        if (a.Canonical is not null && b.Canonical is not null && NameEquivalents.Same(a.Canonical, b.Canonical))
        {
            // Bill and William, Yusuf and Joseph, Sasha and Aleksandr.
            return (EquivalentSimilarity, Equivalent);
        }
        if (AbdSimilarity > 0 && ((AbdForm(a.Text, b.Text) && b.Weight >= AbdMinWeight) || (AbdForm(b.Text, a.Text) && a.Weight >= AbdMinWeight)))
        {
            // Abd al-Hanif is often called Hanif: the servant-of prefix left out. Not for common words
            // (Abdul Mohammad is not Wali Mohammad, Abdul Khan not Padshah Khan).
            return (AbdSimilarity, "Abd- form");
        }
        if (a.Skeleton == b.Skeleton && a.Text.Length > 1 && b.Text.Length > 1)
        {
            // The same letters once romanisation conventions are levelled (Mahmood, Mahmoud; Lavrovs, Lavrov).
            return (RomanisationSimilarity, "romanisation variant");
        }
        // Sounding alike needs the same consonants (two or more: Hu and Ho, Hui and Hua say nothing), the
        // vowels in the same places (Tarek ~ Tariq, not Turki; Jafar, not Jafari) and the same final vowel
        // (Lucia is not Lucio).
        // Short words are syllables (Yang, Ying, Wei): there the vowels themselves must agree.
        var soundAlike = a.Key.Length >= 2 && a.Key == b.Key && a.Shape == b.Shape && FinalVowelsAgree(a.Skeleton, b.Skeleton)
            && (Math.Min(a.Text.Length, b.Text.Length) > 4 || VowelsAgree(a.Text, b.Text));
        var longer = Math.Max(a.Text.Length, b.Text.Length);
        var editShare = entity ? EntityEditShare : 0.75;
        if (!soundAlike && editShare * (1.0 - (double)Math.Abs(a.Text.Length - b.Text.Length) / longer) + (1 - editShare) < (entity ? EntityTokenThreshold : TokenThreshold))
        {
            // Even with the fewest possible edits the spelling could not reach the threshold.
            return (0.0, "");
        }
        // Mostly edit distance (a typo costs one edit; a different name several), a little Jaro-Winkler.
        var (x, y) = (a.Text, b.Text);
        var threshold = entity ? EntityTokenThreshold : TokenThreshold;
        // The most edits that could still reach the threshold (Jaro-Winkler at most 1): the edit distance
        // stops counting beyond it. Words that sound alike need the exact distance for their score.
        var share = (threshold - (1 - editShare)) / editShare;
        var edits = DamerauLevenshtein(x, y, soundAlike ? longer : (int)(longer * (1 - share) + 1e-9));
        var editPart = 1.0 - (double)edits / longer;
        if (!entity && (!ReferenceEquals(a.Skeleton, a.Text) || !ReferenceEquals(b.Skeleton, b.Text)))
        {
            // Spelled the romanisation-levelled way (Serej, Sergey: one letter apart as serei, sergei).
            var skeletonLonger = Math.Max(a.Skeleton.Length, b.Skeleton.Length);
            var skeletonEdits = DamerauLevenshtein(a.Skeleton, b.Skeleton, soundAlike ? skeletonLonger : (int)(skeletonLonger * (1 - share) + 1e-9));
            var levelled = 1.0 - (double)skeletonEdits / skeletonLonger;
            if (levelled > editPart)
            {
                (x, y, edits, editPart) = (a.Skeleton, b.Skeleton, skeletonEdits, levelled);
            }
        }
        if (!soundAlike && editShare * editPart + (1 - editShare) < threshold)
        {
            // Jaro-Winkler (at most 1) could not lift it to the threshold.
            return (0.0, "");
        }
        var spelling = editShare * editPart + (1 - editShare) * JaroWinkler(x, y);
        if (!soundAlike && !entity && a.Text[0] != b.Text[0])
        {
            // Names rarely differ in their first letter by a typo: Nassar and Qassar are two names.
            spelling *= FirstLetterFactor;
        }
        if (soundAlike)
        {
            // Short keys say less: two consonants are shared by many different names.
            // Two consonants need the spelling to be close too (Bhatti is not Bu'ayti).
            var phonetic = a.Key.Length >= 3 ? 0.9 + 0.08 * spelling : spelling >= 0.65 ? 0.8 + 0.15 * spelling : 0;
            if (phonetic > spelling)
            {
                return (phonetic, "sounds alike");
            }
        }
        return (spelling, edits == 1 ? "one letter differs" : spelling >= 0.9 ? "spelling variant" : "similar spelling");
    }

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
        Span<Candidate> candidates = stackalloc Candidate[q.Length * c.Length * 4 + 4];
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
                    var (sim, _) = TokenSimilarity(joined, c[j], entity);
                    if (sim >= 0.88)
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
                    var (sim, _) = TokenSimilarity(q[i], joined, entity);
                    if (sim >= 0.88)
                    {
                        candidates[count++] = new Candidate(sim, 1 << i, 3 << j, (q[i].Weight + c[j].Weight + c[j + 1].Weight) * sim);
                    }
                }
            }
        }
        // An abbreviation against the words it abbreviates (PLA / People's Liberation Army, JC / Jean-Claude).
        count = AddAcronyms(q, c, entity, queryIsShort: true, candidates, count);
        count = AddAcronyms(c, q, entity, queryIsShort: false, candidates, count);
        var chosen = candidates[..count];
        chosen.Sort(static (x, y) => y.Similarity.CompareTo(x.Similarity) is var g && g != 0 ? g : y.Gain.CompareTo(x.Gain));
        int usedQ = 0, usedC = 0;
        double simSum = 0, simWeight = 0;
        float coveredQ = 0, coveredC = 0;
        var strongPairs = 0;
        var inversions = 0;
        var allSame = true;
        var minSimilarity = 1.0;
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
                    ? "joined words"
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
        score = Math.Clamp(score, 0, 1);
        var unmatchedQ = explain ? Unmatched(q, usedQ) : [];
        var unmatchedC = explain ? Unmatched(c, usedC) : [];
        return new NameComparison(score, (IReadOnlyList<TokenPair>?)pairs ?? [], unmatchedQ, unmatchedC);
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
        var sim = EntityEditShare * (1.0 - (double)DamerauLevenshtein(a, b) / Math.Max(a.Length, b.Length)) + (1 - EntityEditShare) * JaroWinkler(a, b);
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

    private static bool AbdForm(string abd, string bare)
        => abd.Length == bare.Length + 3 && bare.Length >= 4 && abd.StartsWith("abd", StringComparison.Ordinal) && abd.EndsWith(bare, StringComparison.Ordinal);

    private static bool FinalVowelsAgree(string a, string b) => VowelClass(a[^1]) == VowelClass(b[^1]);

    private static bool VowelsAgree(string a, string b)
    {
        int i = 0, j = 0;
        while (true)
        {
            while (i < a.Length && VowelClass(a[i]) == 0)
            {
                i++;
            }
            while (j < b.Length && VowelClass(b[j]) == 0)
            {
                j++;
            }
            if (i == a.Length || j == b.Length)
            {
                return i == a.Length && j == b.Length;
            }
            if (VowelClass(a[i++]) != VowelClass(b[j++]))
            {
                return false;
            }
        }
    }

    /// <summary>a; o and u; e, i and y (Sergei, Sergey); consonants are one class.</summary>
    private static int VowelClass(char c) => c switch { 'a' => 1, 'o' or 'u' => 2, 'e' or 'i' or 'y' => 3, _ => 0 };
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

    private static int BitIndex(int mask) => System.Numerics.BitOperations.TrailingZeroCount(mask);

    private readonly record struct Candidate(double Similarity, int QueryMask, int ListedMask, double Gain, bool Acronym = false, bool Equivalent = false);

    private const string Equivalent = "equivalent names";

    /// <summary>Edit distance counting a swap of neighbouring letters as one edit (optimal string alignment).</summary>
    public static int DamerauLevenshtein(string a, string b) => DamerauLevenshtein(a, b, Math.Max(a.Length, b.Length));

    /// <summary>The edit distance, or <paramref name="max"/> + 1 as soon as it is sure to exceed <paramref name="max"/>.</summary>
    public static int DamerauLevenshtein(string a, string b, int max)
    {
        if (a.Length > 64 || b.Length > 64)
        {
            return Math.Max(a.Length, b.Length);
        }
        if (Math.Abs(a.Length - b.Length) > max)
        {
            return max + 1;
        }
        // Three rows (two back for a swap) instead of the whole matrix.
        var width = b.Length + 1;
        Span<int> rows = stackalloc int[3 * width];
        var before = rows[..width];
        var previous = rows.Slice(width, width);
        var current = rows.Slice(2 * width, width);
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            var ai = a[i - 1];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = ai == b[j - 1] ? 0 : 1;
                var v = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && ai == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    v = Math.Min(v, before[j - 2] + 1);
                }
                current[j] = v;
                rowMin = Math.Min(rowMin, v);
            }
            if (rowMin > max)
            {
                return max + 1;
            }
            var recycled = before;
            before = previous;
            previous = current;
            current = recycled;
        }
        return previous[b.Length];
    }

    /// <summary>Jaro-Winkler similarity (prefix scale 0.1, up to four characters).</summary>
    public static double JaroWinkler(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }
        if (a.Length > 64 || b.Length > 64)
        {
            return a == b ? 1 : 0;
        }
        var range = Math.Max(0, Math.Max(a.Length, b.Length) / 2 - 1);
        Span<bool> aMatched = stackalloc bool[a.Length];
        Span<bool> bMatched = stackalloc bool[b.Length];
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var from = Math.Max(0, i - range);
            var to = Math.Min(b.Length - 1, i + range);
            for (var j = from; j <= to; j++)
            {
                if (!bMatched[j] && a[i] == b[j])
                {
                    aMatched[i] = bMatched[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0)
        {
            return 0;
        }
        var transpositions = 0;
        var k = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (!aMatched[i])
            {
                continue;
            }
            while (!bMatched[k])
            {
                k++;
            }
            if (a[i] != b[k])
            {
                transpositions++;
            }
            k++;
        }
        double m = matches;
        var jaro = (m / a.Length + m / b.Length + (m - transpositions / 2.0) / m) / 3.0;
        var prefix = 0;
        while (prefix < 4 && prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }
        return jaro + prefix * 0.1 * (1 - jaro);
    }
}
