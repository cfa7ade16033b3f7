using System.Collections.Frozen;

namespace Jsms.Features.Screening.Matching;

/// <summary>Titles and honorifics of persons (dropped from a name), also when mistyped.</summary>
internal static partial class NameText
{
    private static readonly FrozenSet<string> Titles = FrozenSet.Create(StringComparer.Ordinal,
        "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "lord", "sheikh", "shaikh", "shaykh", "sheik", "cheikh", "haji", "hajji",
        "hadji", "alhaj", "alhajj", "mullah", "mulla", "maulana", "mawlana", "mawlawi", "maulvi", "molvi", "mawlavi", "mufti",
        "general", "gen", "col", "colonel", "major", "capt", "captain", "lt", "president", "prasident", "monsieur", "madame",
        "mme", "herr", "frau", "senor", "senora", "don", "dona", "jr", "sr", "hon", "excellency", "his", "her", "the",
        "commander", "brigadier", "ayatollah", "hojatoleslam", "imam", "qazi", "qari", "engineer", "eng",
        // Sheikh and Mullah as other languages write them (French, Spanish, Portuguese, German, Turkish).
        "cheik", "cheij", "chej", "xeique", "xeic", "xeik", "xeque", "scheich", "scheik", "seyh", "sheyh", "sheyk", "shayk",
        "mulah", "moulah", "moullah", "molla", "mollah", "moula");

    /// <summary>Sheikh in the spellings of <see cref="Titles"/>: written after a name it may be the title or a family name.</summary>
    private static readonly FrozenSet<string> Sheikhs = FrozenSet.Create(StringComparer.Ordinal,
        "sheikh", "shaikh", "shaykh", "sheik", "cheikh", "cheik", "cheij", "chej", "xeique", "xeic", "xeik", "xeque", "scheich", "scheik",
        "seyh", "sheyh", "sheyk", "shayk");

    /// <summary>
    /// A title after the article is a family name (al-Sheikh, al-Shaykh, al-Mufti, el-Imam), also mistyped; not Hajj
    /// (Al Hajj, El Hadji, Al Hsjj are the title).
    /// </summary>
    private static bool IsFamilyNameAfterArticle(List<string> words, int i)
    {
        var w = words[i];
        return i > 0 && Articles.Contains(words[i - 1]) && w[0] != 'h' && (Titles.Contains(w) || IsTitleBeforeName(w));
    }

    /// <summary>Titles that stand before a name and are long enough that a typing error in them is still recognisable.</summary>
    private static readonly string[] MistypedTitles =
        ["sheikh", "shaikh", "shaykh", "sheik", "haji", "hajji", "mullah", "mulla", "qari", "maulana", "mawlana", "mawlawi", "maulvi"];

    private static readonly (string[] Graphemes, bool Doubled)[] MistypedTitleGraphemes = [.. MistypedTitles.Select(SpellingConventions.Read)];

    /// <summary>
    /// A title with one typing error (Sheokh, Haju, Qair, Mlulah) or in another language's spelling (Hadschi, Haci, Kari,
    /// Şeih): before another word it is a title as the usual spelling would be. Four letters at least, so a dropped letter
    /// never turns a name into a title (Hai is a name, not Haji), but for the three-letter forms of Qari and Haji that are
    /// no name; Haj and Hajj count only before a name (El Hajj is a family name).
    /// </summary>
    private static bool IsTitleBeforeName(string w)
    {
        // Qari and Haji with a letter dropped where no name is left (Qri, Qai, Qar, Hji; Hai is a name).
        if (w is "haj" or "hajj" or "qri" or "qai" or "qar" or "hji")
        {
            return true;
        }
        if (w.Length < 4 || w[0] is not ('s' or 'h' or 'm' or 'q' or 'k' or 'c'))
        {
            return false;
        }
        foreach (var title in MistypedTitles)
        {
            if (Typos.Kind(w, title) is not null)
            {
                return true;
            }
        }
        if (w[0] is not ('k' or 'q' or 'h' or 's' or 'c'))
        {
            return false;
        }
        var (graphemes, doubled) = SpellingConventions.Read(w);
        foreach (var (titleGraphemes, titleDoubled) in MistypedTitleGraphemes)
        {
            if (titleGraphemes.Length == graphemes.Length && SpellingConventions.Equivalence(graphemes, doubled, titleGraphemes, titleDoubled) is not null)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Titles typed onto the name after them, and the least letters that name must keep (Hajiyev stays a name).</summary>
    private static readonly (string Title, int MinRest)[] GluedTitleFronts =
        [("sheikh", 3), ("shaikh", 3), ("mullah", 3), ("hajji", 4), ("haji", 4), ("qari", 4)];

    /// <summary>
    /// A title typed onto the front of a word of a person's name is two words (Qarizakir, Mullahkrekar): the title is then
    /// read as any title, and the name it hid is a word of its own, so the index finds it. Not a title at the end: names
    /// end in -mullah and -haji (Karimullah, Bahaji).
    /// </summary>
    private static void SplitGluedTitles(List<string> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            var w = words[i];
            foreach (var (title, minRest) in GluedTitleFronts)
            {
                if (w.Length >= title.Length + minRest && w.StartsWith(title, StringComparison.Ordinal))
                {
                    words[i] = title;
                    words.Insert(i + 1, w[title.Length..]);
                    break;
                }
            }
        }
    }

    /// <summary>
    /// Ould (son of) with one typing error between two names (Oyld, Oudl, Oud, Ouuld) is ould; the article with a neighbouring
    /// key or a letter typed twice before a name (ak-Sebai, Abd-sl-Salam, Ell-Sababt) is the article.
    /// </summary>
    private static void ReadMistypedParticles(List<string> words)
    {
        for (var i = 0; i + 1 < words.Count; i++)
        {
            var w = words[i];
            if (w is "ak" or "sl" or "ek" or "ell")
            {
                words[i] = w[0] == 'e' ? "el" : "al";
            }
            else if (i > 0 && w != "ould" && w.Length is >= 3 and <= 5 && w[0] == 'o' && Typos.Kind(w, "ould") is not null)
            {
                words[i] = "ould";
            }
        }
    }
}
