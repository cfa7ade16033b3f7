using System.Globalization;
using Jsms.Features.Screening.Lists;

namespace Jsms.Features.Screening.Matching;

/// <summary>The lines that explain a match, and how birth date and nationality move its score.</summary>
internal static class MatchExplanation
{
    /// <summary>Adjusts the name score by birth date and nationality and writes the explanation.</summary>
    public static (double Score, List<string> Lines) Explain(ScreeningQuery query, IndexedEntry entry, ScreeningMatch match, NameComparison comparison)
    {
        var lines = new List<string>();
        var how = match.MatchedNameKind switch
        {
            NameKind.Primary => "the listed name",
            NameKind.OriginalScript => "the name in its original script",
            NameKind.WeakAlias => "a low-quality alias (weighted down)",
            _ => "an alias",
        };
        lines.Add($"Name \"{query.Name}\" matched {how} \"{match.MatchedName}\" at {match.NameScore:0.00}.");
        if (comparison.Pairs.Count > 0)
        {
            lines.Add("Words: " + string.Join("; ", comparison.Pairs.Select(p =>
                p.Similarity >= 0.999 ? $"{p.Query} = {p.Listed}" : $"{p.Query} ~ {p.Listed} ({p.How}, {p.Similarity:0.00})")) + ".");
        }
        if (comparison.UnmatchedQuery.Count > 0 || comparison.UnmatchedListed.Count > 0)
        {
            var parts = new List<string>();
            if (comparison.UnmatchedQuery.Count > 0)
            {
                parts.Add("in the query only: " + string.Join(", ", comparison.UnmatchedQuery));
            }
            if (comparison.UnmatchedListed.Count > 0)
            {
                parts.Add("in the listed name only: " + string.Join(", ", comparison.UnmatchedListed));
            }
            lines.Add("Weakened by words without a counterpart (" + string.Join("; ", parts) + ").");
        }
        var score = match.NameScore;
        if (query.BirthDate is { } dob)
        {
            var listed = entry.Entry.BirthDates;
            if (listed.Count == 0)
            {
                lines.Add("Birth date: the list gives none, so it neither supports nor weakens the match.");
            }
            else
            {
                var (adjust, text) = CompareBirth(dob, listed);
                score += adjust;
                lines.Add(text);
            }
        }
        if (Countries.ToIso2(query.Nationality) is { } nationality)
        {
            var listed = entry.Entry.Nationalities;
            if (listed.Count == 0)
            {
                lines.Add("Nationality: the list gives none.");
            }
            else if (listed.Contains(nationality, StringComparer.OrdinalIgnoreCase))
            {
                score += 0.03;
                lines.Add($"Nationality {nationality} is among the listed nationalities ({string.Join(", ", listed)}): supports (+0.03).");
            }
            else
            {
                score -= 0.05;
                lines.Add($"Nationality {nationality} is not among the listed nationalities ({string.Join(", ", listed)}): weakens (-0.05).");
            }
        }
        if (query.Type is null && entry.Entry.Kind != EntryKind.Person)
        {
            lines.Add($"The listed entry is of type {entry.Entry.Kind.ToString().ToLowerInvariant()}.");
        }
        return (Math.Clamp(score, 0, 1), lines);
    }

    private static (double Adjust, string Text) CompareBirth(BirthDate query, IReadOnlyList<BirthDate> listed)
    {
        var best = double.NegativeInfinity;
        var bestText = "";
        var listedText = string.Join("; ", listed);
        foreach (var date in listed)
        {
            var (adjust, text) = CompareOne(query, date);
            if (adjust > best)
            {
                best = adjust;
                bestText = text;
            }
        }
        var sign = best > 0 ? "supports" : best < 0 ? "weakens" : "neutral";
        return (best, $"Birth date {query} vs listed {listedText}: {bestText}, {sign} ({best.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture)}).");
    }

    private static (double, string) CompareOne(BirthDate query, BirthDate listed)
    {
        if (query.Year is not { } year)
        {
            return (0, "no year given");
        }
        if (listed.FromYear is { } from && listed.ToYear is { } to)
        {
            return year >= from && year <= to ? (0.04, "within the listed range")
                : Math.Min(Math.Abs(year - from), Math.Abs(year - to)) <= 2 ? (-0.04, "just outside the listed range")
                : (-0.15, "outside the listed range");
        }
        if (listed.Year is not { } listedYear)
        {
            return (0, "not comparable");
        }
        var gap = Math.Abs(year - listedYear);
        if (gap == 0)
        {
            if (query.Month is { } m && listed.Month is { } lm)
            {
                if (m != lm)
                {
                    return (-0.03, "same year, different month");
                }
                if (query.Day is { } d && listed.Day is { } ld)
                {
                    return d == ld ? (0.08, "the same date") : (-0.02, "same year and month, different day");
                }
                return (0.06, "same year and month");
            }
            return (0.05, "the same year");
        }
        if (listed.Approximate)
        {
            return gap <= 2 ? (0.0, "close to an approximate listed year") : gap <= 5 ? (-0.06, $"{gap} years from an approximate listed year") : (-0.15, $"{gap} years apart");
        }
        return gap == 1 ? (-0.04, "one year apart") : gap <= 3 ? (-0.08, $"{gap} years apart") : (-0.15, $"{gap} years apart");
    }
}
