using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Jsms.Features.Screening.Matching;

/// <summary>
/// Turns a written name into comparable tokens: other scripts to Latin, Unicode NFKD without
/// diacritics, lower case, punctuation out, titles dropped, Arabic particles handled (al-/el- dropped,
/// bin/ibn/bint dropped inside a name, abd al-/abdul joined to the next word), legal forms and other
/// generic words weighted down, digits inside words read as letters (1 for i, 0 for o).
/// </summary>
internal static partial class NameText
{
    /// <summary>Joining words of Arabic names; dropped when they are not the first word.</summary>
    private static readonly FrozenSet<string> Connectors = FrozenSet.Create(StringComparer.Ordinal,
        "bin", "ibn", "bint", "ben", "binti", "ibnu", "walad", "ould", "ul", "ud", "ad", "ar", "as", "ash", "at", "az", "an", "ur");

    private static readonly FrozenSet<string> AbdWords = FrozenSet.Create(StringComparer.Ordinal,
        "abd", "abdul", "abdel", "abdal", "abdol", "abdur", "abdus", "abdoul", "abdou", "abdu", "abdool");

    /// <summary>Abdul with one typing error (Adbul, Abdl, Absul): in a person's name it joins the next word as Abdul would.</summary>
    private static bool IsAbdTypo(string w) => w.Length is >= 4 and <= 6 && Typos.Kind(w, "abdul") is not null;

    // Not "il": in the lists it is the Korean syllable (Kim Il Sung, Cho Il Woo, Il-Nam), which must not be dropped.
    private static readonly FrozenSet<string> Articles = FrozenSet.Create(StringComparer.Ordinal, "al", "el", "al'");

    /// <summary>Words common to many organisation names, weighted down so the distinctive words decide.</summary>
    private static readonly FrozenSet<string> OrganisationWords = FrozenSet.Create(StringComparer.Ordinal,
        "ltd", "limited", "llc", "inc", "incorporated", "co", "company", "corp", "corporation", "plc", "gmbh", "ag", "sa", "sas",
        "sarl", "srl", "spa", "bv", "nv", "oy", "ab", "as", "jsc", "ojsc", "pjsc", "cjsc", "oao", "ooo", "zao", "pao", "ao", "tov",
        "joint", "stock", "group", "holding", "holdings", "trading", "international", "intl", "enterprise", "enterprises",
        "and", "of", "the", "for", "de", "del", "la", "le", "du", "des", "et", "und", "y", "e", "lp", "llp", "pte", "pty", "fze",
        "fzco", "fzc", "est", "establishment", "general", "industrial", "industries", "industry", "services", "service",
        "organization", "organisation", "foundation", "association", "society", "bank", "trust", "agency", "office",
        "kg", "mbh", "kft", "zrt", "sp", "zoo", "doo", "ad", "tic", "ve", "sti", "as", "bhd", "sdn", "tbk", "pt", "cv",
        "banque", "banca", "banco", "bancorp",
        // Places that qualify a branch or subsidiary of the same organisation (Deutsche Bank (Schweiz), Faberlic Europe).
        "europe", "european", "asia", "africa", "america", "americas", "global", "schweiz", "suisse", "switzerland", "france",
        "deutschland", "germany", "uk", "usa", "nederland", "italia", "espana", "polska", "rus", "russia", "middle", "east");

    /// <summary>Particles of European names: they count a little.</summary>
    private static readonly FrozenSet<string> Particles = FrozenSet.Create(StringComparer.Ordinal,
        "de", "da", "di", "do", "dos", "das", "del", "della", "van", "von", "der", "den", "la", "le", "du", "des", "y", "e", "abu", "abou", "um", "umm");

    /// <summary>Given names so common that sharing one says little about identity.</summary>
    private static readonly FrozenSet<string> CommonKeys;

    static NameText()
    {
        string[] common = ["mohammed", "muhammad", "mohamed", "mohammad", "ahmed", "ahmad", "ali", "hassan", "hussein", "husain",
            "abdullah", "abdallah", "khan", "mahmoud", "ibrahim", "omar", "umar", "yusuf", "ismail", "hamid", "abdul", "aziz", "rahman",
            "karim", "said", "saeed", "salem", "saleh", "kim", "john", "james", "david", "michael", "maria", "jose", "juan", "li",
            "wang", "zhang", "chen", "liu", "sergey", "alexander", "vladimir", "nikolai", "ivan", "andrei", "mikhail", "dmitry"];
        CommonKeys = common.Select(Key).ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>Latin, lower case, without diacritics and punctuation; words separated by one space.</summary>
    public static string Fold(string name)
    {
        var latin = Transliteration.ToLatin(name);
        var decomposed = latin.Normalize(NormalizationForm.FormKD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var raw in decomposed)
        {
            var c = raw;
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }
            c = char.ToLowerInvariant(c);
            switch (c)
            {
                case 'ß': sb.Append("ss"); continue;
                case 'æ': sb.Append("ae"); continue;
                case 'œ': sb.Append("oe"); continue;
                case 'ø': sb.Append('o'); continue;
                case 'ł': sb.Append('l'); continue;
                case 'đ' or 'ð': sb.Append('d'); continue;
                case 'þ': sb.Append("th"); continue;
                case 'ı': sb.Append('i'); continue;
                case '&': sb.Append(" and "); continue;
                // Apostrophes and ayn/hamza signs join: HYO'K -> hyok, NU'AYMI -> nuaymi.
                case '\'' or '’' or '‘' or '`' or 'ʻ' or 'ʼ' or 'ʿ' or 'ʾ' or '´': continue;
            }
            sb.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }
        return string.Join(' ', sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>
    /// A word with Abd glued to its end or inside (Hazemabdul Qader, Fitiwiabdelrazak, Muhammadabd al-Karim) is two words:
    /// Abd begins a name, so the word before it ends there (three letters at least on each side).
    /// </summary>
    private static void SplitGluedAbd(List<string> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            var k = words[i].Length >= 6 ? words[i].IndexOf("abd", 3, StringComparison.Ordinal) : -1;
            if (k >= 3)
            {
                words.Insert(i + 1, words[i][k..]);
                words[i] = words[i][..k];
            }
        }
    }

    /// <summary>The name folded (<see cref="Fold"/>) with "SURNAME, Given" read in the usual order.</summary>
    public static string InReadingOrder(string name)
        => Fold(name.IndexOf(',', StringComparison.Ordinal) is var comma and > 0 && name.IndexOf(',', comma + 1) < 0 ? name[(comma + 1)..] + " " + name[..comma] : name);

    /// <summary>A Russian patronymic (Viktorovich, Ivanovna): a word of more than six letters ending in -ovich, -evich, -ich, -ovna or -evna.</summary>
    private static bool IsPatronymic(string w)
        => w.Length > 6 && (w.EndsWith("ovich", StringComparison.Ordinal) || w.EndsWith("evich", StringComparison.Ordinal)
            || w.EndsWith("ovna", StringComparison.Ordinal) || w.EndsWith("evna", StringComparison.Ordinal) || w.EndsWith("ich", StringComparison.Ordinal));

    /// <summary>A word that links generations (bin, ibn, bint, ould, walad: son or daughter of).</summary>
    public static bool LinksGenerations(string word) => word is "bin" or "ibn" or "ben" or "bint" or "binti" or "ibnu" or "ould" or "walad";

    /// <summary>True when the name joins generations with bin/ibn/ben (then word order carries meaning).</summary>
    public static bool HasGenealogy(string name)
    {
        var words = Fold(name).Split(' ');
        for (var i = 1; i < words.Length - 1; i++)
        {
            if (words[i] is "bin" or "ibn" or "ben" or "bint")
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The tokens of a name, ready to compare.</summary>
    /// <param name="commonByList">When the caller weighs words by their frequency in the lists, the fixed list of common names is not applied.</param>
    public static NameToken[] Tokenize(string name, NameSchema schema, bool commonByList = false)
    {
        if (schema == NameSchema.Entity && name.Contains('%', StringComparison.Ordinal))
        {
            name = name.Replace("%", " percent ", StringComparison.Ordinal);
        }
        if (schema != NameSchema.Entity && name.IndexOf(',', StringComparison.Ordinal) is var comma and > 0
            && comma < name.Length - 1 && name.IndexOf(',', comma + 1) < 0 && !string.IsNullOrWhiteSpace(name[(comma + 1)..]))
        {
            // "SURNAME, Given names", as lists and registers write persons: read in the usual order.
            name = name[(comma + 1)..] + " " + name[..comma];
        }
        if (schema != NameSchema.Entity)
        {
            name = ArticleWithoutItsL(name);
        }
        var folded = Fold(name);
        if (schema == NameSchema.Entity)
        {
            folded = Numbers(CanonicalLegalForms(folded));
        }
        var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(ReadDigitsAsLetters).ToList();
        if (words.Count == 0)
        {
            return [];
        }
        var isOrganisation = schema == NameSchema.Entity;
        if (!isOrganisation)
        {
            SplitGluedAbd(words);
            SplitGluedTitles(words);
            ReadMistypedParticles(words);
        }
        if (!isOrganisation && words.Count > 1 && (AbdWords.Contains(words[^1]) || IsAbdTypo(words[^1])))
        {
            // Abd (servant of) never ends a name: written last, the name was turned round (Rahman Abdul for Abdul
            // Rahman, a "Surname, Given" without its comma), so it goes back before the word it belongs to.
            words.Insert(0, words[^1]);
            words.RemoveAt(words.Count - 1);
        }
        var kept = new List<(string Word, float Weight, float ConflictWeight, bool Generic)>(words.Count);
        // An Abd word as it was written before it was read (abdelrazaq for abdrazaq), by kept index.
        Dictionary<int, string>? written = null;
        // The article or ben/bin/ould dropped just before each kept word and just after it, by kept index.
        Dictionary<int, string>? before = null, after = null;
        for (var i = 0; i < words.Count; i++)
        {
            var w = words[i];
            var hasNext = i + 1 < words.Count;
            if (!isOrganisation && (Articles.Contains(w) ? hasNext : w is "bin" or "ibn" or "ben" or "ould" && i > 0 && (hasNext || w == "ould")))
            {
                if (hasNext)
                {
                    (before ??= [])[kept.Count] = w.TrimEnd('\'');
                }
                if (kept.Count > 0 && i > 0)
                {
                    (after ??= [])[kept.Count - 1] = w.TrimEnd('\'');
                }
            }
            // A title is dropped, except after the article (al-Sheikh, al-Mufti: a family name), as the last word Sheikh or Qazi
            // (a family name, or the title written after the name) and Col (there the Turkish writing of the Korean syllable Chol).
            var sheikh = Sheikhs.Contains(w);
            var familyName = !isOrganisation && IsFamilyNameAfterArticle(words, i);
            if (!isOrganisation && words.Count > 1 && !familyName && ((Titles.Contains(w) && (hasNext || !(sheikh || w is "qazi" or "col")))
                || (hasNext && IsTitleBeforeName(w))))
            {
                continue;
            }
            // "all-" for "al-": the article typed with a doubled letter.
            if ((Articles.Contains(w) || (w == "all" && !isOrganisation)) && hasNext)
            {
                continue;
            }
            if (isOrganisation && w == "s" && i > 0)
            {
                // The possessive of "People's" split off by punctuation.
                continue;
            }
            // abd al-rahman, abdul rahman, abdel rahman, abdurrahman -> abdrahman
            if (hasNext && (AbdWords.Contains(w) || (!isOrganisation && (IsAbdTypo(w)
                || (w is "ab" or "ad" && i + 2 < words.Count && (Articles.Contains(words[i + 1]) || words[i + 1] == "all"))))))
            {
                var next = i + 1;
                if ((Articles.Contains(words[next]) || words[next] == "all") && next + 1 < words.Count)
                {
                    next++;
                }
                (written ??= [])[kept.Count] = string.Concat(words.Skip(i).Take(next - i + 1));
                kept.Add((JoinAbd("abd" + words[next]), 1f, 1f, false));
                i = next;
                continue;
            }
            if (w.StartsWith("abd", StringComparison.Ordinal) && w.Length > 5 && JoinAbd(w) is var read && read != w)
            {
                (written ??= [])[kept.Count] = w;
                w = read;
            }
            // "al" glued with a hyphen was split by Fold; "al" glued without one (alnuaymi) stays.
            if (!isOrganisation && Connectors.Contains(w) && i > 0 && hasNext)
            {
                continue;
            }
            if (!isOrganisation && Connectors.Contains(w) && i > 0 && !hasNext && w is not ("ben" or "bin"))
            {
                continue;
            }
            var weight = 1f;
            var conflictWeight = 1f;
            var generic = false;
            if (isOrganisation && (OrganisationWords.Contains(w) || IsNumber(w)))
            {
                // Legal forms, "group", "bank" and numbers (Fund III, Trust 2004-1) say little about which organisation.
                weight = conflictWeight = 0.3f;
                generic = true;
            }
            else if (!isOrganisation && IsPatronymic(w))
            {
                // A Russian patronymic: often left out, so its absence costs little; one that differs contradicts like any other word.
                weight = 0.5f;
            }
            else if (Particles.Contains(w) || (Connectors.Contains(w) && !isOrganisation))
            {
                weight = conflictWeight = 0.35f;
            }
            kept.Add((w, weight, conflictWeight, generic));
        }
        if (kept.Count == 0)
        {
            kept.AddRange(words.Select(w => (w, 1f, 1f, false)));
        }
        var tokens = new NameToken[kept.Count];
        for (var i = 0; i < kept.Count; i++)
        {
            var (word, weight, conflictWeight, generic) = kept[i];
            var key = Key(word);
            var initial = word.Length == 1 && char.IsLetter(word[0]);
            if (initial)
            {
                weight = conflictWeight = Math.Min(weight, 0.5f);
            }
            else if (!commonByList && weight >= 1f && CommonKeys.Contains(key))
            {
                weight = conflictWeight = 0.7f;
            }
            tokens[i] = new NameToken(word, key, Shape(word), weight, initial, conflictWeight,
                isOrganisation ? null : NameEquivalents.Canonical(word), generic)
            {
                Before = before?.GetValueOrDefault(i), After = after?.GetValueOrDefault(i), Written = written?.GetValueOrDefault(i),
                TitleAfterName = !isOrganisation && i > 0 && i == kept.Count - 1 && Sheikhs.Contains(word) && before?.ContainsKey(i) != true,
                Patronymic = !isOrganisation && i > 0 && IsPatronymic(word),
            };
        }
        return tokens;
    }

    /// <summary>
    /// The article with its l dropped before a name (a-Tikriti, e-Sebai): "a-" or "e-" opening a word is al- or el-.
    /// Only when followed by a letter, so a hyphen inside a word (Dima-Ali) or a lone initial stays as written.
    /// </summary>
    private static string ArticleWithoutItsL(string name)
    {
        var at = name.IndexOf('-', StringComparison.Ordinal);
        if (at < 1)
        {
            return name;
        }
        StringBuilder? sb = null;
        for (var i = at; i >= 1 && i + 1 < name.Length; i = name.IndexOf('-', i + 1))
        {
            var c = char.ToLowerInvariant(name[i - 1]);
            if (c is 'a' or 'e' && (i == 1 || name[i - 2] is ' ' or '(') && char.IsLetter(name[i + 1]))
            {
                sb ??= new StringBuilder(name);
                sb.Insert(i + (sb.Length - name.Length), 'l');
            }
        }
        return sb?.ToString() ?? name;
    }

    /// <summary>
    /// Two words joined, read as one word would be: an Abd word split by a typo (Abde lrazaq) joins like Abdelrazaq.
    /// A first word of six letters or more that begins with abd is an Abd word read already (abdlah for Abdallah), unless
    /// <paramref name="unread"/>: then it is the prefix with a letter or two of the name split off (Abdelr azaq, Abdelba ssed).
    /// </summary>
    internal static string JoinWords(string a, string b, bool unread = false)
        => (a.Length <= 5 || (unread && a.Length <= 7)) && a.StartsWith("abd", StringComparison.Ordinal) ? JoinAbd(a + b) : a + b;

    private static string JoinAbd(string word, bool again = true)
    {
        // abdulaziz -> abdaziz, abdurrahman and abdurahman -> abdrahman, abdallah -> abdlah
        foreach (var prefix in (string[])["abdoul", "abdul", "abdel", "abdal", "abdol", "abdur", "abdus", "abdar", "abdas", "abdou", "abdu", "abdl", "abda"])
        {
            if (word.StartsWith(prefix, StringComparison.Ordinal) && word.Length > prefix.Length + 2)
            {
                var rest = word[prefix.Length..];
                if (prefix is "abdur" or "abdus" or "abdar" or "abdas")
                {
                    // The article assimilated to the name's first letter (ar-Rahman, as-Salam): that letter is the
                    // name's, written once or twice.
                    rest = word[(prefix.Length - 1)..];
                    rest = rest.Length > 2 && rest[1] == rest[0] ? rest[1..] : rest;
                }
                var joined = "abd" + (rest.StartsWith("al", StringComparison.Ordinal) && rest.Length > 4 ? rest[2..] : rest);
                // A typo in the prefix (Abduulmalik, Abdeel) leaves a prefix behind: it is taken off once more.
                return again && joined.Length > 8 && (joined.AsSpan(3).StartsWith("ul") || joined.AsSpan(3).StartsWith("el"))
                    ? JoinAbd(joined, again: false) : joined;
            }
        }
        return word;
    }

    private static string ReadDigitsAsLetters(string word)
    {
        var hasLetter = false;
        var hasDigit = false;
        foreach (var c in word)
        {
            hasLetter |= char.IsLetter(c);
            hasDigit |= char.IsDigit(c);
        }
        if (!hasLetter || !hasDigit)
        {
            return word;
        }
        var chars = word.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = chars[i] switch
            {
                '0' => 'o', '1' => 'i', '3' => 'e', '4' => 'a', '5' => 's', '7' => 't', '8' => 'b', '9' => 'g', _ => chars[i],
            };
        }
        return new string(chars);
    }
}
