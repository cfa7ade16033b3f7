namespace Jsms.Features.Screening.Matching;

/// <summary>
/// One typing error between two words: two neighbouring letters swapped, a letter dropped or typed
/// twice, or a key next to the right one. The first letter is taken as typed right (names differing
/// there are different names: Nassar, Qassar), and a last a, i, o or y (Jafar is not Jafari).
/// </summary>
internal static class Typos
{
    public const string NeighbouringKey = "neighbouring key";

    public const string LetterDropped = "letter dropped";

    private static readonly string[] Rows = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];

    /// <summary>The kind of typing error that turns one word into the other, or null.</summary>
    public static string? Kind(string a, string b)
    {
        if (Math.Min(a.Length, b.Length) < 3 || Math.Max(a.Length, b.Length) < 4 || a[0] != b[0] || Math.Abs(a.Length - b.Length) > 1)
        {
            return null;
        }
        if (a.Length == b.Length)
        {
            var i = 1;
            while (i < a.Length && a[i] == b[i])
            {
                i++;
            }
            if (i == a.Length)
            {
                return null;
            }
            if (i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a.AsSpan(i + 2).SequenceEqual(b.AsSpan(i + 2)))
            {
                return "adjacent transposition";
            }
            return a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i + 1)) && Neighbours(a[i], b[i]) ? NeighbouringKey : null;
        }
        var (longer, shorter) = a.Length > b.Length ? (a, b) : (b, a);
        var j = 1;
        while (j < shorter.Length && longer[j] == shorter[j])
        {
            j++;
        }
        if (!longer.AsSpan(j + 1).SequenceEqual(shorter.AsSpan(j)))
        {
            return null;
        }
        if (longer[j] == longer[j - 1] || (j + 1 < longer.Length && longer[j] == longer[j + 1]))
        {
            return "letter typed twice";
        }
        // A last a, i or o more or less is another name (Jafar, Jafari; Karim, Karima; Mari, Mario), up to five letters: a
        // longer word without it is rarely a name of its own (Salongo, Anshori, Barkani). A last consonant is a typo, and so is
        // a last e or u, which only spells the same name another way (Amin, Amine; Amr, Amru).
        return (j == longer.Length - 1 && longer[j] is 'a' or 'i' or 'o' or 'y' && shorter.Length < 6) || shorter.Length < 3 ? null : LetterDropped;
    }

    public const string LastVowelDropped = "last vowel dropped from a word no listed name has";

    /// <summary>
    /// True when <paramref name="shorter"/> is <paramref name="longer"/> without its last a, i, o or y, the case
    /// <see cref="Kind"/> leaves out because the shorter word is often a name of its own (Jafar, Jafari).
    /// </summary>
    public static bool WithoutLastVowel(string longer, string shorter)
        => shorter.Length is >= 3 and < 6 && longer.Length == shorter.Length + 1 && longer[^1] is 'a' or 'i' or 'o' or 'y'
            && longer.StartsWith(shorter, StringComparison.Ordinal);

    private static bool Neighbours(char x, char y)
    {
        foreach (var row in Rows)
        {
            var i = row.IndexOf(x);
            var k = row.IndexOf(y);
            if (i >= 0 && k >= 0 && Math.Abs(i - k) == 1)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Keys shared by two words one typing error apart: the word, and the word without each letter but the first.</summary>
    public static IEnumerable<string> Keys(string word)
    {
        if (word.Length is < 3 or > 9)
        {
            yield break;
        }
        yield return word;
        if (word.Length < 4)
        {
            yield break;
        }
        for (var i = 1; i < word.Length; i++)
        {
            yield return string.Concat(word.AsSpan(0, i), word.AsSpan(i + 1));
        }
    }
}
