namespace Jsms.Features.Screening.Matching;

/// <summary>The matcher's tuned parameters (internal and settable, so the benchmark's sweep and tune modes can vary them).</summary>
internal static partial class NameMatcher
{
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
}
