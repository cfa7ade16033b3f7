namespace Jsms.Features.Screening.Matching;

/// <summary>One aligned pair of words (or of a word and two joined words) and how alike they are.</summary>
internal readonly record struct TokenPair(string Query, string Listed, double Similarity, string How);
