namespace Jsms.Features.Screening.Matching;

/// <summary>
/// A name typed in Latin letters read whole: its words in reading order, its letters without the breaks between words, and
/// its words in alphabetical order (what stays when only the order of the words changed).
/// </summary>
internal sealed class WholeName
{
    private WholeName(string text, string[] words, string letters, string bag, bool generations)
    {
        Text = text;
        Words = words;
        Letters = letters;
        Bag = bag;
        Generations = generations;
    }

    public string Text { get; }

    public string[] Words { get; }

    public string Letters { get; }

    public string Bag { get; }

    /// <summary>A word links generations (bin, ibn, ould): the order of the words around it says who is whose son.</summary>
    public bool Generations { get; }

    /// <summary>Two words at least and 8 to 40 letters: long enough that one typing error in the whole name still names it.</summary>
    public bool TypoReadable => Letters.Length is >= 8 and <= 40 && Words.Length >= 2;

    /// <summary>
    /// Hashed keys shared by two names one typing error apart, spaces aside: the letters, and the letters without each one but
    /// the first (a dropped, doubled or swapped letter, or a neighbouring key, leaves one of them in common). Hashed rather than
    /// kept as strings: every listed person's name has about twenty.
    /// </summary>
    public void AddTypoKeys(List<long> keys)
    {
        if (!TypoReadable)
        {
            return;
        }
        keys.Add(Hash(Letters, -1));
        for (var i = 1; i < Letters.Length; i++)
        {
            keys.Add(Hash(Letters, i));
        }
    }

    /// <summary>FNV-1a (64 bits) of the letters without the one at <paramref name="skip"/>; a collision only adds a candidate.</summary>
    private static long Hash(string letters, int skip)
    {
        var hash = 14695981039346656037UL;
        for (var i = 0; i < letters.Length; i++)
        {
            if (i != skip)
            {
                hash = (hash ^ letters[i]) * 1099511628211UL;
            }
        }
        return (long)hash;
    }

    /// <summary>
    /// True when the letters of one name are the other's with one typing error (<see cref="Typos.Kind"/>), but not a last a, i,
    /// o or y of a word more or less: that makes another name (Jafar Karim, Jafari Karim), as it does word by word.
    /// </summary>
    public bool OneTypoFrom(WholeName other)
    {
        if (!TypoReadable || !other.TypoReadable || Typos.Kind(Letters, other.Letters) is not { } kind)
        {
            return false;
        }
        if (kind != Typos.LetterDropped)
        {
            return true;
        }
        var (longer, shorter) = Letters.Length > other.Letters.Length ? (this, other) : (other, this);
        var j = 0;
        while (j < shorter.Letters.Length && longer.Letters[j] == shorter.Letters[j])
        {
            j++;
        }
        return longer.Letters[j] is not ('a' or 'i' or 'o' or 'y') || !longer.EndsWordAt(j);
    }

    /// <summary>Whether the letter at <paramref name="letter"/> (counted without spaces) is the last of its word.</summary>
    private bool EndsWordAt(int letter)
    {
        var seen = -1;
        for (var i = 0; i < Text.Length; i++)
        {
            if (Text[i] != ' ' && ++seen == letter)
            {
                return i + 1 == Text.Length || Text[i + 1] == ' ';
            }
        }
        return false;
    }

    /// <summary>The whole reading of a name typed in Latin letters, or null for other scripts.</summary>
    public static WholeName? Read(string original, NameSchema schema)
    {
        if (Transliteration.TypedIn(original) != TypedScript.Latin)
        {
            return null;
        }
        var text = schema == NameSchema.Entity ? NameText.Fold(original) : NameText.InReadingOrder(original);
        if (text.Length == 0)
        {
            return null;
        }
        var words = text.Split(' ');
        // Titles stay in: Bilal Sheikh is not Bilal, and Abukar Sheikh has the words of Sheikh Abukar.
        var bag = string.Join(' ', words.Order(StringComparer.Ordinal));
        return new WholeName(text, words, text.Replace(" ", "", StringComparison.Ordinal), bag, words.Any(NameText.LinksGenerations));
    }
}
