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
        => AtLeastAsWholeName(query, listed, CompareWords(query, listed, explain), explain);

    private static NameComparison CompareWords(PreparedName query, PreparedName listed, bool explain)
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
                if (Math.Abs(c[j].Text.Length - joined.Text.Length) <= 2 || WrittenLengthsClose(joined, c[j]))
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
                if (Math.Abs(q[i].Text.Length - joined.Text.Length) <= 2 || WrittenLengthsClose(q[i], joined))
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
                            // One half the same and a typo in a short other half, or a typing error in the first letter of the
                            // second half (Chong-vhol, Reza-hgoli: word by word another name, written whole one typo): the pair
                            // goes before the same half alone.
                            var typo = q[i + 1].Text[0] != c[j + 1].Text[0] && Typos.Kind(joinedQ.Text, joinedC.Text) is not null;
                            var halfSame = (q[i].Text == c[j].Text && (typo || Math.Max(q[i + 1].Text.Length, c[j + 1].Text.Length) <= 3))
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
        // Pairs chosen, those not written the same, and a pair one last vowel apart (its similarity and weight) if any.
        int pairCount = 0, notSame = 0;
        double lastVowel = 0, lastVowelWeight = 0;
        var lastVowelPair = 0;
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
            pairCount++;
            if (cand.Similarity < 0.999)
            {
                notSame++;
                if (!entity && cand.Similarity < TypoSimilarity && LastVowelMore(q, c, cand))
                {
                    (lastVowel, lastVowelWeight, lastVowelPair) = (cand.Similarity, WeightOf(q, cand.QueryMask) + WeightOf(c, cand.ListedMask), pairs?.Count ?? 0);
                }
            }
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
        if (lastVowel > 0 && notSame == 1 && pairCount >= 2 && query.TotalWeight - coveredQ < 0.05 && listed.TotalWeight - coveredC < 0.05)
        {
            // One word a last vowel short of the other (Kon, Kony; Salim, Salimi) in a name whose every other word is written
            // the same and nothing is left over is that name mistyped; two such words (Jafar Karim, Jafari Karima) or any
            // other difference leave it another name.
            simSum += (Math.Pow(TypoSimilarity, simPower) - Math.Pow(lastVowel, simPower)) * lastVowelWeight;
            minSimilarity = weakest = TypoSimilarity;
            if (pairs is not null)
            {
                pairs[lastVowelPair] = pairs[lastVowelPair] with { Similarity = TypoSimilarity, How = LastVowelInSameName };
            }
        }
        if (simWeight == 0)
        {
            return new NameComparison(0, [], explain ? [.. q.Select(t => t.Text)] : [], explain ? [.. c.Select(t => t.Text)] : []);
        }
        // Words left over on one side only are missing detail; left over on both sides they contradict.
        var twoMatched = System.Numerics.BitOperations.PopCount((uint)usedQ) >= 2 && System.Numerics.BitOperations.PopCount((uint)usedC) >= 2;
        var leftQ = Math.Max(0, query.TotalWeight - coveredQ - (twoMatched ? TitleAfterNameDiscount(q, usedQ) : 0));
        var leftC = Math.Max(0, listed.TotalWeight - coveredC - (twoMatched ? TitleAfterNameDiscount(c, usedC) : 0));
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
        // Two words written as one count as two (Abd Hamid, Abdhamid).
        // A patronymic left out (Sergei Lavrov, Sergey Viktorovich Lavrov) leaves the rest of the name whole.
        var wholeMatched = leftQ - UnmatchedPatronymics(q, usedQ) < 0.05 && leftC - UnmatchedPatronymics(c, usedC) < 0.05 && (q.Length > 1 || c.Length > 1)
            && minSimilarity >= AllMatchedMinSimilarity;
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
            var first = -1;
            var wrap = -1;
            for (var i = 0; i < q.Length; i++)
            {
                if (order[i] >= 0)
                {
                    if (order[i] < last)
                    {
                        inversions++;
                        wrap = i;
                    }
                    first = first < 0 ? order[i] : first;
                    last = order[i];
                }
            }
            if (inversions == 1 && last < first && q[wrap].Before is not ("bin" or "ibn" or "ben"))
            {
                // The first words written last (ben Khamis ben Saleh Elsseid Sami): the generations keep their order, and
                // the word that comes round is not the one bin links to the word before (Hasan bin Ahmad, Ahmad bin Hasan).
                inversions = 0;
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

    /// <summary>Whether a pair of single words typed in Latin letters is one word and the same with a last a, i, o or y more.</summary>
    private static bool LastVowelMore(NameToken[] q, NameToken[] c, in Candidate cand)
    {
        if ((cand.QueryMask & (cand.QueryMask - 1)) != 0 || (cand.ListedMask & (cand.ListedMask - 1)) != 0)
        {
            return false;
        }
        ref readonly var a = ref q[BitIndex(cand.QueryMask)];
        ref readonly var b = ref c[BitIndex(cand.ListedMask)];
        return a.Script == TypedScript.Latin && b.Script == TypedScript.Latin
            && (Typos.WithoutLastVowel(a.Text, b.Text) || Typos.WithoutLastVowel(b.Text, a.Text));
    }

    /// <summary>
    /// The part of an unmatched Sheikh after the name that does not count once two words on each side matched: missing, it is the
    /// title as often as a family name (Ahmed Umar Sheikh, Sheikh Ahmed Umar); one shared given name stays weak (Bilal Sheikh, Bilal).
    /// </summary>
    private static float TitleAfterNameDiscount(NameToken[] tokens, int used)
    {
        var last = tokens.Length - 1;
        return last > 0 && tokens[last].TitleAfterName && (used & (1 << last)) == 0 ? tokens[last].Weight * 0.65f : 0;
    }

    /// <summary>The weight of the patronymics without a partner.</summary>
    private static float UnmatchedPatronymics(NameToken[] tokens, int used)
    {
        var weight = 0f;
        for (var i = 0; i < tokens.Length; i++)
        {
            if (tokens[i].Patronymic && (used & (1 << i)) == 0)
            {
                weight += tokens[i].Weight;
            }
        }
        return weight;
    }

    /// <summary>Abd words one letter apart as written, however far apart once read (abddus somad, abdus somad).</summary>
    private static bool WrittenLengthsClose(in NameToken a, in NameToken b)
        => (a.Written is not null || b.Written is not null) && Math.Abs((a.Written ?? a.Text).Length - (b.Written ?? b.Text).Length) <= 1;

    private readonly record struct Candidate(double Similarity, int QueryMask, int ListedMask, double Gain, bool Acronym = false, bool Equivalent = false, bool Priority = false);

    private const string Equivalent = "equivalent names";

    private const string LastVowelInSameName = "a last vowel more or less, every other word written the same";

    // Words joined from two are matched by their letters, not by their sound or another convention (Gul Sahin is not Golsan, Xu Wei not Su Wei).
    private const string SoundsAlike = "sounds alike";

}
