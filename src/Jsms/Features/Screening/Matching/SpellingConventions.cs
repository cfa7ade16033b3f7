using System.Collections.Frozen;

namespace Jsms.Features.Screening.Matching;

/// <summary>
/// The same sound written by the conventions of different languages: th as s or t, sh as sch, ch, x or
/// s, ch as tch or tsch, j as dj, dsch, c or y, kh as h, ch or j, u as ou or oo, w as v, ou or u, gh as
/// g, q as k, doubled letters once. A word is read as graphemes, each with the set of sounds it may
/// stand for; two words are one name when they have as many graphemes and every pair shares a sound.
/// The explanation names the graphemes that differ and whose convention each is.
/// </summary>
internal static class SpellingConventions
{
    // Graphemes, longest first; each with the sound classes it may stand for (X is the kh of Khalid, which
    // German writes ch, Spanish j and Portuguese c; a plain h is not j; Q is the ks of x).
    private static readonly (string Grapheme, string Sounds)[] Graphemes =
    [
        ("tsch", "C"), ("dsch", "J"), ("sch", "S"), ("tch", "C"), ("dzh", "J"),
        ("ch", "CSX"), ("sh", "S"), ("kh", "XHK"), ("gh", "G"), ("th", "TS"), ("dh", "DZ"), ("ph", "F"), ("zh", "J"), ("dj", "J"),
        ("ck", "K"), ("ou", "UV"), ("oo", "U"), ("ee", "I"),
        ("a", "A"), ("b", "B"), ("c", "KSJC"), ("d", "D"), ("e", "E"), ("f", "F"), ("g", "G"), ("h", "H"), ("i", "I"),
        ("j", "JXY"), ("k", "K"), ("l", "L"), ("m", "M"), ("n", "N"), ("o", "O"), ("p", "P"), ("q", "K"), ("r", "R"),
        ("s", "S"), ("t", "T"), ("u", "UV"), ("v", "V"), ("w", "V"), ("x", "QS"), ("y", "IY"), ("z", "Z"),
    ];

    /// <summary>Whose convention writes one grapheme for the other (either order).</summary>
    private static readonly FrozenDictionary<string, string> Names = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["s|th"] = "French/Persian/Turkish convention", ["t|th"] = "English convention", ["sch|sh"] = "German convention",
        ["ch|sh"] = "French/Spanish convention", ["ch|tch"] = "French convention", ["ch|tsch"] = "German convention",
        ["dj|j"] = "French/Portuguese convention", ["dsch|j"] = "German convention", ["h|kh"] = "Turkish/English convention", ["c|kh"] = "Portuguese convention", ["k|kh"] = "romanisation",
        ["ch|kh"] = "German convention", ["j|kh"] = "Spanish convention", ["ou|u"] = "French convention", ["v|w"] = "German/Turkish convention",
        ["ou|w"] = "French convention", ["u|w"] = "Spanish/Portuguese convention", ["g|gh"] = "English convention",
        ["sh|x"] = "Portuguese convention", ["c|j"] = "Turkish convention", ["c|ch"] = "Turkish convention", ["s|sh"] = "Turkish convention",
        ["j|y"] = "Spanish/German convention", ["i|y"] = "romanisation", ["oo|u"] = "English convention", ["ou|oo"] = "English convention",
        ["k|q"] = "Turkish/English convention", ["ee|i"] = "English convention", ["d|dh"] = "English convention", ["dh|z"] = "Persian convention",
        ["c|k"] = "romanisation", ["ch|h"] = "German/Spanish convention", ["dj|dsch"] = "French/German convention", ["ph|f"] = "romanisation",
        ["f|ph"] = "romanisation", ["sch|ch"] = "German/French convention", ["tch|tsch"] = "French/German convention",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The graphemes of a word, doubled ones once, and whether any was doubled.</summary>
    public static (string[] Graphemes, bool Doubled) Read(string word)
    {
        var list = new List<string>(word.Length);
        var doubled = false;
        for (var i = 0; i < word.Length;)
        {
            var g = Match(word, i);
            if (g is null)
            {
                // Not a Latin letter: the word is not read by these conventions.
                return ([], false);
            }
            if (list.Count > 0 && list[^1] == g)
            {
                doubled = true;
            }
            else
            {
                list.Add(g);
            }
            i += g.Length;
        }
        return ([.. list], doubled);
    }

    private static string? Match(string word, int i)
    {
        foreach (var (g, _) in Graphemes)
        {
            if (string.CompareOrdinal(word, i, g, 0, g.Length) == 0)
            {
                return g;
            }
        }
        return null;
    }

    private static string SoundsOf(string grapheme)
    {
        foreach (var (g, s) in Graphemes)
        {
            if (g == grapheme)
            {
                return s;
            }
        }
        return "";
    }

    /// <summary>Whether an explanation of a word pair comes from these conventions.</summary>
    public static bool IsConvention(string how) => how.Contains(" ~ ", StringComparison.Ordinal) || how.StartsWith("doubled", StringComparison.Ordinal);

    /// <summary>
    /// When the two words are one name written by different conventions, the rules that make them so
    /// ("th ~ s, French/Persian/Turkish convention; doubled letter written once"); otherwise null.
    /// </summary>
    public static string? Equivalence(string a, string b)
    {
        var (ga, da) = Read(a);
        var (gb, db) = Read(b);
        return Equivalence(ga, da, gb, db);
    }

    public static string? Equivalence(string[] ga, bool da, string[] gb, bool db)
    {
        if (ga.Length != gb.Length || ga.Length < 3)
        {
            return null;
        }
        List<string>? rules = null;
        for (var i = 0; i < ga.Length; i++)
        {
            if (ga[i] == gb[i])
            {
                continue;
            }
            var sa = SoundsOf(ga[i]);
            var sb = SoundsOf(gb[i]);
            if (sa.AsSpan().IndexOfAny(sb) < 0)
            {
                return null;
            }
            if (ga.Length < 5 && i == 0 && (ga[i], gb[i]) is ("j", "y") or ("y", "j"))
            {
                // German Jusuf for Yusuf; but short syllables beginning with them differ (Korean Jang, Yang; Chinese Jun, Yun).
                return null;
            }
            var key = string.CompareOrdinal(ga[i], gb[i]) < 0 ? ga[i] + "|" + gb[i] : gb[i] + "|" + ga[i];
            // The longer grapheme first ("th ~ s"), so one rule reads the same whichever name was the query.
            var (first, second) = ga[i].Length > gb[i].Length || (ga[i].Length == gb[i].Length && string.CompareOrdinal(ga[i], gb[i]) < 0) ? (ga[i], gb[i]) : (gb[i], ga[i]);
            var rule = $"{first} ~ {second}, {Names.GetValueOrDefault(key) ?? "romanisation"}";
            rules ??= [];
            if (!rules.Contains(rule))
            {
                rules.Add(rule);
            }
        }
        if (da != db)
        {
            (rules ??= []).Add("doubled letter written once");
        }
        return rules is null ? null : string.Join("; ", rules);
    }

    /// <summary>
    /// Index keys of the word: each way of reading its ambiguous graphemes, one sound each (at most
    /// <paramref name="max"/>), so that two spellings of one name share a key.
    /// </summary>
    public static List<string> Keys(string word, int max = 12)
    {
        var (graphemes, _) = Read(word);
        var keys = new List<string> { "" };
        if (graphemes.Length < 3)
        {
            return [];
        }
        foreach (var g in graphemes)
        {
            var sounds = SoundsOf(g);
            if (sounds.Length == 1 || keys.Count * sounds.Length > max)
            {
                for (var k = 0; k < keys.Count; k++)
                {
                    keys[k] += sounds[0];
                }
                continue;
            }
            var next = new List<string>(keys.Count * sounds.Length);
            foreach (var k in keys)
            {
                foreach (var s in sounds)
                {
                    next.Add(k + s);
                }
            }
            keys = next;
        }
        return keys;
    }
}
