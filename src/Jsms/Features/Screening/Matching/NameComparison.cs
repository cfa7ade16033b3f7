namespace Jsms.Features.Screening.Matching;

/// <summary>How alike two names are: the score, the aligned word pairs and the words left over on each side.</summary>
internal sealed record NameComparison(double Score, IReadOnlyList<TokenPair> Pairs, IReadOnlyList<string> UnmatchedQuery, IReadOnlyList<string> UnmatchedListed)
{
    /// <summary>Every distinctive word of both names found a partner (no part of either name left over).</summary>
    public bool Complete { get; init; }

    /// <summary>The lowest similarity among the aligned word pairs.</summary>
    public double Weakest { get; init; }
}
