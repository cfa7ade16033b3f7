namespace Jsms.Features.Screening.Matching;

/// <summary>
/// Two names written with the same words in another order, or with the same letters split into words otherwise, are the
/// same name, whatever reading their words one by one made of them: a title or particle that moved (Abukar Sheikh, Thoyib
/// Ibnu), a space that split a title off a name (Haji Kari Mullah) or joined one to it (Qaridin Mohammad).
/// </summary>
internal static partial class NameMatcher
{
    /// <summary>How alike two names are that differ only in word order or in where the words break.</summary>
    internal const double SameWordsSimilarity = 0.98;

    /// <summary>
    /// How alike two persons' names are at least whose letters differ by one typing error, spaces aside; up to 0.02 more as the
    /// words compare, so that of two names one typo away the one whose words agree more comes first (Ali Qanus: Ali Qansu,
    /// Ali Wanus).
    /// </summary>
    internal const double OneTypoWholeSimilarity = 0.96;

    private const string OneTypoInWholeName = "one typing error in the whole name, spaces aside";

    private const string SameWordsOtherOrder = "the same words in another order";

    private const string SameLettersOtherSpaces = "the same letters, the words broken elsewhere";

    /// <summary>The whole-name reading when it says more than the word-by-word comparison, else the comparison itself.</summary>
    private static NameComparison AtLeastAsWholeName(PreparedName query, PreparedName listed, NameComparison comparison, bool explain)
    {
        if (comparison.Score >= SameWordsSimilarity || query.Whole is not { } q || listed.Whole is not { } c)
        {
            return comparison;
        }
        string? how = null;
        if (q.Letters == c.Letters)
        {
            how = SameLettersOtherSpaces;
        }
        else if (q.Bag == c.Bag && (!q.Generations && !c.Generations || IsRotation(q.Words, c.Words)))
        {
            // Across bin, ould or ibn the order says who is whose son (Hasan bin Ahmad, Ahmad bin Hasan): there only the first
            // words written last keep it (Ould Ahmed Ould Ali Mohamed).
            how = SameWordsOtherOrder;
        }
        var similarity = SameWordsSimilarity;
        var graded = OneTypoWholeSimilarity + 0.02 * comparison.Score;
        if (how is null && !query.IsEntity && !listed.IsEntity && comparison.Score < graded && q.OneTypoFrom(c))
        {
            // A title, particle or hyphenated word the typo fell in reads word by word as another word (Omar Hsji, al-Qard).
            (how, similarity) = (OneTypoInWholeName, graded);
        }
        if (how is null)
        {
            return comparison;
        }
        // The word pairs stay in the explanation (they name the rule each word matched by); the whole reading comes last and
        // accounts for the words that found no partner.
        return new NameComparison(similarity, explain ? [.. comparison.Pairs, new TokenPair(q.Text, c.Text, similarity, how)] : [], [], [])
        {
            Complete = true,
            Weakest = similarity,
        };
    }

    private static bool IsRotation(string[] a, string[] b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }
        for (var shift = 0; shift < a.Length; shift++)
        {
            var all = true;
            for (var i = 0; i < a.Length && all; i++)
            {
                all = a[i] == b[(i + shift) % b.Length];
            }
            if (all)
            {
                return true;
            }
        }
        return false;
    }
}
