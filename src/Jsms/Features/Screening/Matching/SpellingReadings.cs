using System.Text;

namespace Jsms.Features.Screening.Matching;

/// <summary>
/// A name written wholly by German or Turkish conventions, read back the way the lists write names. The word rules
/// (<see cref="SpellingConventions"/>) pair words of three graphemes or more, one word at a time; syllables of Korean
/// and Chinese names (Dscho Jong-von for Jo Yong-won, Ço Çol Song for Jo Chol Song) are too short for them, and a
/// j there is y in German but j in English. Letters only one convention uses (sch, tsch, dsch; ç, ş, ğ, ı) say how
/// the whole name was written, so the whole name can be read back, each letter by that convention.
/// </summary>
internal static class SpellingReadings
{
    /// <summary>The name read by English conventions, with the convention it was written in, or null when it shows none.</summary>
    public static (string Name, string Convention)? AsListed(string name)
    {
        var lower = name.ToLowerInvariant();
        if (lower.AsSpan().IndexOfAny("çşğı") >= 0)
        {
            return (Turkish(lower), "Turkish");
        }
        if (lower.Contains("sch", StringComparison.Ordinal))
        {
            return (German(lower), "German");
        }
        return null;
    }

    // Duden transcription read backwards: tsch ch, dsch j, sch sh, ch kh, j y, v w.
    private static string German(string name)
    {
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (string.CompareOrdinal(name, i, "tsch", 0, 4) == 0)
            {
                sb.Append("ch");
                i += 3;
            }
            else if (string.CompareOrdinal(name, i, "dsch", 0, 4) == 0)
            {
                sb.Append('j');
                i += 3;
            }
            else if (string.CompareOrdinal(name, i, "sch", 0, 3) == 0)
            {
                sb.Append("sh");
                i += 2;
            }
            else if (string.CompareOrdinal(name, i, "ch", 0, 2) == 0)
            {
                sb.Append("kh");
                i++;
            }
            else
            {
                sb.Append(name[i] switch { 'j' => 'y', 'v' => 'w', var c => c });
            }
        }
        return sb.ToString();
    }

    // Turkish letters read back: ç ch, ş sh, c j, ı i, v w (ğ, silent in Turkish, stays g as folding writes it).
    private static string Turkish(string name)
    {
        var sb = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            switch (c)
            {
                case 'ç': sb.Append("ch"); break;
                case 'ş': sb.Append("sh"); break;
                case 'c': sb.Append('j'); break;
                case 'ı': sb.Append('i'); break;
                case 'v': sb.Append('w'); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }
}
