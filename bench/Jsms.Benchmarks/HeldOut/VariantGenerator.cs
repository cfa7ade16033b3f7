using System.Text;

namespace Jsms.Benchmarks.HeldOut;

/// <summary>
/// Writes a listed name the way someone else would type it, one class of difference at a time:
/// other languages' spelling conventions for the same sounds, and typing errors (a neighbouring key,
/// two letters swapped, a letter dropped or doubled, words split, joined or reordered, a typo inside a
/// hyphenated Korean given name). Deterministic: the random choices come from a seed per name and class.
/// </summary>
internal static class VariantGenerator
{
    /// <summary>The classes of typing errors (goal: right entry first ≥ 0.99).</summary>
    public static readonly string[] TypoClasses =
        ["keyboard", "transposition", "dropped", "doubled", "short-word", "single-word", "two-typos", "split", "join", "order", "korean-hyphen"];

    /// <summary>The classes of spelling conventions (goal: right entry first ≥ 0.95).</summary>
    public static readonly string[] SpellingClasses = ["english", "french", "german", "spanish", "portuguese", "turkish"];

    private static readonly string[] KeyboardRows = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];

    /// <summary>Grapheme rewrites of each convention, tried in order at each position (the longest first).</summary>
    private static readonly Dictionary<string, (string From, string To)[]> Conventions = new(StringComparer.Ordinal)
    {
        // English-speaking offices: th as t, gh as g, doubled consonants once, ee/oo.
        ["english"] = [("th", "t"), ("gh", "g"), ("dh", "d"), ("ou", "oo"), ("u", "oo")],
        // French: ou for u and w, ch for sh, dj for j, tch for ch, kh kept, th as s (Othmane -> Osmane).
        ["french"] = [("ou", "ou"), ("dj", "dj"), ("sh", "ch"), ("ch", "tch"), ("th", "s"), ("j", "dj"), ("w", "ou"), ("u", "ou"), ("y", "i")],
        // German: sch for sh, tsch for ch, dsch for j, ch for kh, w for v/ w as v, u kept.
        ["german"] = [("dj", "dsch"), ("sch", "sch"), ("tsch", "tsch"), ("sh", "sch"), ("ch", "tsch"), ("kh", "ch"), ("j", "dsch"), ("w", "v"), ("y", "j")],
        // Spanish: j for kh, ch for sh, y for j, single consonants.
        ["spanish"] = [("kh", "j"), ("sh", "ch"), ("th", "t"), ("w", "u")],
        // Portuguese: x for sh, dj for j, kh as c, u as u, single consonants.
        ["portuguese"] = [("dj", "dj"), ("sh", "x"), ("kh", "c"), ("j", "dj"), ("th", "t"), ("w", "u")],
        // Turkish: c for j, ç (c) for ch, ş (s) for sh, h for kh, v for w, k for q.
        ["turkish"] = [("sh", "ş"), ("ch", "ç"), ("kh", "h"), ("j", "c"), ("w", "v"), ("q", "k"), ("th", "s")],
    };

    /// <summary>One variant of the name in the class, or null when the class does not apply to it.</summary>
    public static string? Make(string name, string cls, int seed)
    {
        var random = new Random(seed);
        var words = Words(name);
        if (words.Count == 0)
        {
            return null;
        }
        string? result = cls switch
        {
            "keyboard" => Typo(words, random, Keyboard),
            "transposition" => Typo(words, random, Transpose),
            "dropped" => Typo(words, random, Drop),
            "doubled" => Typo(words, random, Double),
            "short-word" => ShortWord(words, random),
            "single-word" => words.Count == 1 ? Typo(words, random, random.Next(2) == 0 ? Drop : Transpose) : null,
            "two-typos" => TwoTypos(words, random),
            "split" => Split(words, random),
            "join" => words.Count >= 2 ? Join(words, random) : null,
            "order" => words.Count >= 2 ? string.Join(' ', words.Skip(1).Append(words[0])) : null,
            "korean-hyphen" => KoreanHyphen(name, random),
            _ when Conventions.TryGetValue(cls, out var rules) => Convention(words, rules, cls == "english" || cls == "spanish" || cls == "portuguese"),
            _ => null,
        };
        return result is null || Same(result, name) ? null : result;
    }

    private static bool Same(string a, string b) => string.Equals(
        string.Join(' ', Words(a)), string.Join(' ', Words(b)), StringComparison.Ordinal);

    /// <summary>The words of the name in lower case, as a person would type them (hyphens kept inside words).</summary>
    private static List<string> Words(string name)
    {
        // "SURNAME, Given" is typed in the usual order; titles ending in a full stop (Dr., Col.) are left out.
        if (name.IndexOf(',') is var comma and > 0 && name.IndexOf(',', comma + 1) < 0)
        {
            name = name[(comma + 1)..] + " " + name[..comma];
        }
        return [.. name.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !w.EndsWith('.') && w is not ("colonel" or "col" or "dr" or "mr" or "general"))
            .Select(w => new string([.. w.Where(c => c is not ('(' or ')' or '/' or '"' or ','))]))
            .Where(w => w.Any(char.IsLetter))];
    }

    /// <summary>A typo in one word of four letters or more (the longer words more often).</summary>
    private static string? Typo(List<string> words, Random random, Func<string, Random, string?> edit)
    {
        var eligible = Enumerable.Range(0, words.Count).Where(i => Letters(words[i]) >= 4).ToList();
        if (eligible.Count == 0)
        {
            return null;
        }
        var copy = words.ToList();
        var i = eligible[random.Next(eligible.Count)];
        var changed = edit(copy[i], random);
        if (changed is null)
        {
            return null;
        }
        copy[i] = changed;
        return string.Join(' ', copy);
    }

    private static int Letters(string w) => w.Count(char.IsAsciiLetterLower);

    /// <summary>A position inside the word, not the first letter (people rarely mistype it) and on a letter.</summary>
    private static int Position(string w, Random random, int fromEnd = 0)
    {
        var positions = Enumerable.Range(1, Math.Max(0, w.Length - 1 - fromEnd)).Where(i => char.IsAsciiLetterLower(w[i])).ToList();
        return positions.Count == 0 ? -1 : positions[random.Next(positions.Count)];
    }

    private static string? Keyboard(string w, Random random)
    {
        var i = Position(w, random);
        if (i < 0)
        {
            return null;
        }
        foreach (var row in KeyboardRows)
        {
            var k = row.IndexOf(w[i]);
            if (k >= 0)
            {
                var neighbours = new List<char>();
                if (k > 0) neighbours.Add(row[k - 1]);
                if (k + 1 < row.Length) neighbours.Add(row[k + 1]);
                return w[..i] + neighbours[random.Next(neighbours.Count)] + w[(i + 1)..];
            }
        }
        return null;
    }

    private static string? Transpose(string w, Random random)
    {
        var i = Position(w, random, fromEnd: 1);
        if (i < 0 || !char.IsAsciiLetterLower(w[i + 1]) || w[i] == w[i + 1])
        {
            return null;
        }
        return w[..i] + w[i + 1] + w[i] + w[(i + 2)..];
    }

    private static string? Drop(string w, Random random)
    {
        var i = Position(w, random);
        return i < 0 ? null : w[..i] + w[(i + 1)..];
    }

    private static string? Double(string w, Random random)
    {
        var i = Position(w, random);
        return i < 0 ? null : w[..(i + 1)] + w[i] + w[(i + 1)..];
    }

    /// <summary>A dropped letter or a swap in a word of 4 to 6 letters.</summary>
    private static string? ShortWord(List<string> words, Random random)
    {
        var eligible = Enumerable.Range(0, words.Count).Where(i => words[i].Length is >= 4 and <= 6 && Letters(words[i]) == words[i].Length).ToList();
        if (eligible.Count == 0)
        {
            return null;
        }
        var copy = words.ToList();
        var i = eligible[random.Next(eligible.Count)];
        var changed = random.Next(2) == 0 ? Drop(copy[i], random) : Transpose(copy[i], random);
        if (changed is null)
        {
            return null;
        }
        copy[i] = changed;
        return string.Join(' ', copy);
    }

    /// <summary>Two typos of different kinds in two different words (or twice in one word of a one-word name).</summary>
    private static string? TwoTypos(List<string> words, Random random)
    {
        var eligible = Enumerable.Range(0, words.Count).Where(i => Letters(words[i]) >= 5).ToList();
        if (eligible.Count < 2)
        {
            return null;
        }
        var copy = words.ToList();
        var first = eligible[random.Next(eligible.Count)];
        eligible.Remove(first);
        var second = eligible[random.Next(eligible.Count)];
        Func<string, Random, string?>[] edits = [Keyboard, Transpose, Drop, Double];
        var a = edits[random.Next(edits.Length)](copy[first], random);
        var b = edits[random.Next(edits.Length)](copy[second], random);
        if (a is null || b is null)
        {
            return null;
        }
        copy[first] = a;
        copy[second] = b;
        return string.Join(' ', copy);
    }

    /// <summary>A long word written as two (Abdulrahman -> Abdul rahman).</summary>
    private static string? Split(List<string> words, Random random)
    {
        var eligible = Enumerable.Range(0, words.Count).Where(i => Letters(words[i]) >= 8 && !words[i].Contains('-')).ToList();
        if (eligible.Count == 0)
        {
            return null;
        }
        var copy = words.ToList();
        var i = eligible[random.Next(eligible.Count)];
        var at = 3 + random.Next(copy[i].Length - 6);
        copy[i] = copy[i][..at] + " " + copy[i][at..];
        return string.Join(' ', copy);
    }

    /// <summary>Two neighbouring words written as one (Kim Jong Un -> Kim Jongun).</summary>
    private static string Join(List<string> words, Random random)
    {
        var copy = words.ToList();
        var i = random.Next(copy.Count - 1);
        copy[i] += copy[i + 1];
        copy.RemoveAt(i + 1);
        return string.Join(' ', copy);
    }

    /// <summary>A typo in one half of a hyphenated Korean given name (Kim Yong-chol -> Kim Yong-cbol).</summary>
    private static string? KoreanHyphen(string name, Random random)
    {
        var words = Words(name);
        var i = words.FindIndex(w => w.Count(c => c == '-') == 1 && w.Length >= 5 && w.Split('-').All(p => p.Length >= 2));
        if (i < 0)
        {
            return null;
        }
        var parts = words[i].Split('-');
        var half = random.Next(2);
        var edited = parts[half].Length >= 3 ? (random.Next(2) == 0 ? Keyboard(parts[half], random) : Double(parts[half], random)) : Double(parts[half], random);
        if (edited is null)
        {
            return null;
        }
        parts[half] = edited;
        words[i] = string.Join('-', parts);
        return string.Join(' ', words);
    }

    /// <summary>The name rewritten with one language's conventions (all that apply), and doubled consonants once where <paramref name="single"/>.</summary>
    private static string? Convention(List<string> words, (string From, string To)[] rules, bool single)
    {
        var output = new List<string>(words.Count);
        foreach (var w in words)
        {
            var sb = new StringBuilder(w.Length + 4);
            for (var i = 0; i < w.Length;)
            {
                var applied = false;
                foreach (var (from, to) in rules)
                {
                    if (string.CompareOrdinal(w, i, from, 0, from.Length) == 0)
                    {
                        sb.Append(to);
                        i += from.Length;
                        applied = true;
                        break;
                    }
                }
                if (!applied)
                {
                    if (single && i > 0 && w[i] == w[i - 1] && char.IsAsciiLetterLower(w[i]) && "aeiou".IndexOf(w[i]) < 0)
                    {
                        i++;
                        continue;
                    }
                    sb.Append(w[i]);
                    i++;
                }
            }
            output.Add(sb.ToString());
        }
        return string.Join(' ', output);
    }
}
