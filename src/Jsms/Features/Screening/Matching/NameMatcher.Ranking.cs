using Jsms.Features.Screening.Lists;

namespace Jsms.Features.Screening.Matching;

/// <summary>The order of the answers to one screening.</summary>
internal static partial class NameMatcher
{
    /// <summary>
    /// Sorts matches by score, best first. Equal scores (several listed persons share a name, or the query is as
    /// close to two names by the word rules) go to the name closer to the query letter by letter (Abu Obadiah: Abu
    /// Obaidah before Abu Ubaydah), then to a name the list gives as good before a weak alias, then by list and id
    /// so the order never depends on the index.
    /// </summary>
    public static void Rank(List<ScreeningMatch> results, string query)
    {
        results.Sort(static (a, b) => b.Score.CompareTo(a.Score));
        var tied = false;
        for (var i = 1; i < results.Count && !tied; i++)
        {
            tied = results[i].Score == results[i - 1].Score;
        }
        if (!tied)
        {
            return;
        }
        // Only names in a tie pay for the letter distance.
        var text = NameText.InReadingOrder(query);
        var distance = new Dictionary<ScreeningMatch, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < results.Count; i++)
        {
            if ((i > 0 && results[i].Score == results[i - 1].Score) || (i + 1 < results.Count && results[i].Score == results[i + 1].Score))
            {
                distance[results[i]] = StringDistance.DamerauLevenshtein(text, NameText.InReadingOrder(results[i].MatchedName));
            }
        }
        results.Sort((a, b) => b.Score.CompareTo(a.Score) is var s && s != 0 ? s
            : distance.GetValueOrDefault(a).CompareTo(distance.GetValueOrDefault(b)) is var d && d != 0 ? d
            : (a.MatchedNameKind == NameKind.WeakAlias).CompareTo(b.MatchedNameKind == NameKind.WeakAlias) is var k && k != 0 ? k
            : a.Source.CompareTo(b.Source) is var l && l != 0 ? l : string.CompareOrdinal(a.SourceId, b.SourceId));
    }
}
