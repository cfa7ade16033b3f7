namespace Jsms.Features.Screening.Matching;

/// <summary>How alike two names are: the score, the aligned word pairs and the words left over on each side.</summary>
internal sealed record NameComparison(double Score, IReadOnlyList<TokenPair> Pairs, IReadOnlyList<string> UnmatchedQuery, IReadOnlyList<string> UnmatchedListed);
