using System.Collections.Frozen;
using System.Globalization;

namespace Jsms.Features.Screening.Matching;

/// <summary>The parts of an organisation name read alike however written: legal forms and numbers.</summary>
internal static partial class NameText
{
    private static readonly (string Long, string Short)[] LegalForms =
    [
        ("gesellschaft mit beschrankter haftung", "gmbh"), ("g m b h", "gmbh"), ("aktiengesellschaft", "ag"),
        ("limited liability company", "llc"), ("limited liability partnership", "llp"), ("limited partnership", "lp"),
        ("public limited company", "plc"), ("p l c", "plc"), ("l l c", "llc"), ("l p", "lp"),
        ("open joint stock company", "jsc"), ("closed joint stock company", "jsc"), ("public joint stock company", "jsc"),
        ("joint stock company", "jsc"), ("ojsc", "jsc"), ("cjsc", "jsc"), ("pjsc", "jsc"), ("oao", "jsc"), ("zao", "jsc"), ("pao", "jsc"), ("ao", "jsc"),
        ("obshchestvo s ogranichennoy otvetstvennostyu", "llc"), ("obshchestvo s ogranichennoi otvetstvennostiu", "llc"),
        ("otkrytoe aktsionernoe obshchestvo", "jsc"), ("zakrytoe aktsionernoe obshchestvo", "jsc"), ("publichnoe aktsionernoe obshchestvo", "jsc"),
        ("aktsionernoe obshchestvo", "jsc"), ("ooo", "llc"), ("tov", "llc"),
        ("societatea cu raspundere limitata", "srl"), ("societe anonyme", "sa"), ("sociedad anonima", "sa"), ("s a", "sa"),
        ("intl", "international"), ("int", "international"), ("incorporated", "inc"), ("corporation", "corp"), ("company", "co"), ("limited", "ltd"), ("n v", "nv"), ("b v", "bv"),
    ];

    /// <summary>Legal forms written out or abbreviated become one short form; runs of single letters join (L.X.C. -> lxc).</summary>
    private static string CanonicalLegalForms(string folded)
    {
        var text = " " + folded + " ";
        foreach (var (longForm, shortForm) in LegalForms)
        {
            text = text.Replace(" " + longForm + " ", " " + shortForm + " ", StringComparison.Ordinal);
        }
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var joined = new List<string>(words.Length);
        var inRun = false;
        foreach (var w in words)
        {
            var single = w.Length == 1 && char.IsLetter(w[0]);
            if (single && inRun)
            {
                joined[^1] += w;
            }
            else
            {
                joined.Add(w);
            }
            inRun = single;
        }
        return string.Join(' ', joined);
    }

    private static readonly FrozenDictionary<string, int> NumberWords = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["zero"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8,
        ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15,
        ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19,
        ["first"] = 1, ["second"] = 2, ["third"] = 3, ["fourth"] = 4, ["fifth"] = 5, ["sixth"] = 6, ["seventh"] = 7, ["eighth"] = 8,
        ["ninth"] = 9, ["tenth"] = 10,
        ["ii"] = 2, ["iii"] = 3, ["iv"] = 4, ["vi"] = 6, ["vii"] = 7, ["viii"] = 8, ["ix"] = 9, ["xi"] = 11, ["xii"] = 12,
        ["xiii"] = 13, ["xiv"] = 14, ["xv"] = 15, ["xvi"] = 16, ["xx"] = 20,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, int> TensWords = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fourty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70,
        ["eighty"] = 80, ["ninety"] = 90,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Numbers of organisation names as digits: "First", "1st" and "I" alike, "Forty-Four" and "Forty 4" as 44, "XV" as 15.</summary>
    private static string Numbers(string folded)
    {
        var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var result = new List<string>(words.Length);
        for (var i = 0; i < words.Length; i++)
        {
            var w = words[i];
            if (TensWords.TryGetValue(w, out var tens))
            {
                var unit = i + 1 < words.Length ? UnitOf(words[i + 1]) : null;
                if (unit is > 0 and < 10)
                {
                    i++;
                }
                result.Add((tens + (unit is > 0 and < 10 ? unit.Value : 0)).ToString(CultureInfo.InvariantCulture));
                continue;
            }
            result.Add(UnitOf(w) is { } n ? n.ToString(CultureInfo.InvariantCulture) : w);
        }
        return string.Join(' ', result);
    }

    private static int? UnitOf(string w)
    {
        if (NumberWords.TryGetValue(w, out var n))
        {
            return n;
        }
        if (w.Length >= 3 && w[^2..] is "st" or "nd" or "rd" or "th" && int.TryParse(w[..^2], NumberStyles.None, CultureInfo.InvariantCulture, out n))
        {
            return n;
        }
        return int.TryParse(w, NumberStyles.None, CultureInfo.InvariantCulture, out n) && w.Length <= 2 ? n : null;
    }

    private static bool IsNumber(string w)
    {
        foreach (var c in w)
        {
            if (!char.IsDigit(c))
            {
                return false;
            }
        }
        return w.Length > 0;
    }
}
