using Jsms.Features.Screening.Lists;

namespace Jsms.Features.Screening.Matching;

/// <summary>One ranked answer: the entry, the name of it that matched best, the score and the reasons in words.</summary>
internal sealed record ScreeningMatch(
    ListSource Source,
    string SourceId,
    string? Reference,
    EntryKind Kind,
    string PrimaryName,
    string MatchedName,
    NameKind MatchedNameKind,
    double NameScore,
    double Score,
    IReadOnlyList<string> Explanation)
{
    /// <summary>
    /// Which rule made each pair of differently written words equivalent ("uthman ~ usman: th ~ s,
    /// French/Persian/Turkish convention", "adbul ~ abdul: adjacent transposition"), so a reviewer can check it.
    /// </summary>
    public IReadOnlyList<string> Rules { get; init; } = [];
}
