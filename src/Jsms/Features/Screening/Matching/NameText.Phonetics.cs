namespace Jsms.Features.Screening.Matching;

/// <summary>The spelling-independent forms of a word: its romanisation skeleton and its phonetic key and shape.</summary>
internal static partial class NameText
{
    /// <summary>
    /// The word with the differences of romanisation systems levelled, letter for letter, keeping every
    /// sound: w as v, ph as f, y and a glide j as i (Sergey, Sergej, Sergei), zh/dzh/dj as j
    /// (Ahmadinezhad, Ahmadinejad), ou and oo as u and ee as i (Mahmoud, Mahmood), the Baltic nominative
    /// -s after a consonant dropped (Latvian Lavrovs, Sergejs), doubled letters once (Jong-uun, Hassan),
    /// the Slavic ending -iy/-yy/-ij read as -i (Zelenskyy, Zelenskij).
    /// </summary>
    public static string Skeleton(string word)
    {
        if (word.Length < 3)
        {
            return word;
        }
        var w = word;
        if (w.Length >= 5 && w[^1] == 's' && w[^2] is not ('s' or 'a' or 'e' or 'i' or 'o' or 'u' or 'y'))
        {
            w = w[..^1];
        }
        Span<char> buffer = stackalloc char[w.Length];
        var n = 0;
        for (var i = 0; i < w.Length; i++)
        {
            var c = w[i];
            var next = i + 1 < w.Length ? w[i + 1] : '\0';
            switch (c)
            {
                case 'w': c = 'v'; break;
                case 'p' when next == 'h': c = 'f'; i++; break;
                case 'z' when next == 'h': c = 'j'; i++; break;
                case 'd' when next == 'j': c = 'j'; i++; break;
                case 'd' when next == 'z' && i + 2 < w.Length && w[i + 2] == 'h': c = 'j'; i += 2; break;
                case 'c' when next == 'k': c = 'k'; i++; break;
                case 'o' when next is 'u' or 'o': c = 'u'; i++; break;
                case 'e' when next == 'e': c = 'i'; i++; break;
                case 'y' when i > 0: c = 'i'; break;
                case 'j' when n > 0 && buffer[n - 1] is 'a' or 'e' or 'i' or 'o' or 'u' && !VowelAt(w, i + 1): c = 'i'; break;
            }
            if (n == 0 || buffer[n - 1] != c)
            {
                buffer[n++] = c;
            }
        }
        return buffer[..n].SequenceEqual(word) ? word : new string(buffer[..n]);
    }

    /// <summary>
    /// A phonetic key: consonant classes (q/k/g/c, ph/f, v/w, j/dj/dzh/zh, kh/h, sh/sch, x/ks/hs), vowels
    /// and h dropped after the first letter, a glide j after a vowel read as y, doubled letters once.
    /// Mohammed and Muhammad share "mhmd"; Qaddafi and Gaddafi share "kdf"; Sergey and Sergej share "srk".
    /// </summary>
    public static string Key(string word) => Phonetic(word, vowels: false);

    /// <summary>
    /// The phonetic key with one "a" wherever the word has vowels (h and a w after a vowel count as
    /// vowel): Mohammed and Muhammad are both "mamad", Suleiman and Sulayman "salaman", but Salma
    /// ("salma") and Salim ("salam"), or Tarek ("tarak") and Turki ("tarka"), differ.
    /// </summary>
    public static string Shape(string word) => Phonetic(word, vowels: true);

    private static bool VowelAt(string word, int i) => i < word.Length && word[i] is 'a' or 'e' or 'i' or 'o' or 'u';

    private static string Phonetic(string word, bool vowels)
    {
        Span<char> buffer = stackalloc char[word.Length + 1];
        var n = 0;
        var previousVowel = false;
        var last = '\0';
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            var next = i + 1 < word.Length ? word[i + 1] : '\0';
            char mapped;
            switch (c)
            {
                case 'p' when next == 'h': mapped = 'f'; i++; break;
                case 's' when next == 'c' && i + 2 < word.Length && word[i + 2] == 'h': mapped = 's'; i += 2; break;
                case 's' when next == 'h': mapped = 's'; i++; break;
                // kh is a consonant of its own in the shape (Bakhtiar is not Bitar), silent like h in the key.
                case 'k' when next == 'h': mapped = vowels && n > 0 ? 'x' : 'h'; i++; break;
                case 'k' when next == 's': mapped = 's'; i++; break;
                case 'g' when next == 'h': mapped = 'k'; i++; break;
                case 'z' when next == 'h': mapped = 'j'; i++; break;
                case 'd' when next == 'j': mapped = 'j'; i++; break;
                case 'd' when next == 'z' && i + 2 < word.Length && word[i + 2] == 'h': mapped = 'j'; i += 2; break;
                case 't' when next == 'h': mapped = 't'; i++; break;
                case 't' when next is 's' or 'z': mapped = 's'; i++; break;
                case 't' when next == 'c' && i + 2 < word.Length && word[i + 2] == 'h': mapped = 'c'; i += 2; break;
                case 'c' when next == 'h': mapped = 'c'; i++; break;
                case 'c' when next == 'k': mapped = 'k'; i++; break;
                case 'h' when next == 's': mapped = 's'; i++; break;
                case 'x': mapped = 's'; break;
                case 'q' or 'g' or 'k': mapped = 'k'; break;
                case 'c': mapped = next is 'e' or 'i' or 'y' ? 's' : 'k'; break;
                case 'w' or 'v': mapped = 'v'; break;
                case 'p': mapped = 'b'; break;
                case 'z': mapped = 's'; break;
                // Sergej, Andrej: a j after a vowel is a glide; before a vowel (Ahmadinejad, Bojan) it stays j.
                case 'j' when previousVowel && !VowelAt(word, i + 1): mapped = 'y'; break;
                default: mapped = c; break;
            }
            var isVowel = mapped is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';
            if (n == 0)
            {
                // In the shape a leading y before a vowel is a consonant: Yang is not Aung.
                buffer[n++] = vowels && c == 'y' && VowelAt(word, i + 1) ? 'y' : isVowel ? 'a' : mapped;
            }
            else if (!isVowel && mapped != 'h' && !(mapped == 'v' && previousVowel) && last != mapped)
            {
                buffer[n++] = mapped;
            }
            else if (vowels && (isVowel || (mapped == 'v' && previousVowel)) && buffer[n - 1] != 'a')
            {
                buffer[n++] = 'a';
            }
            previousVowel = isVowel || (vowels && mapped == 'v' && previousVowel);
            last = mapped;
        }
        return new string(buffer[..n]);
    }
}
