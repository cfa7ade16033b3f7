using System.Collections.Frozen;

namespace Jsms.Features.Screening.Matching;

/// <summary>
/// How often each phonetic key occurs among the listed names, and from that how much a word says about
/// identity: Mohammed, Ali, Abdul, Wang and Li occur in hundreds of listed names, so sharing one is
/// weak evidence; a rare family name is strong evidence. Built once per index.
/// </summary>
internal sealed class TokenStatistics
{
    private readonly FrozenDictionary<string, int> _frequency;
    private readonly FrozenSet<string> _words;
    private readonly int _names;

    public TokenStatistics(IEnumerable<PreparedName> names)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var words = new HashSet<string>(StringComparer.Ordinal);
        var total = 0;
        foreach (var name in names)
        {
            total++;
            seen.Clear();
            foreach (var token in name.Tokens)
            {
                if (!token.Initial && seen.Add(token.Key))
                {
                    counts[token.Key] = counts.GetValueOrDefault(token.Key) + 1;
                }
                if (!token.Initial)
                {
                    words.Add(token.Text);
                }
            }
        }
        _names = Math.Max(total, 1);
        _frequency = counts.ToFrozenDictionary(StringComparer.Ordinal);
        _words = words.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>Names carrying a word at or below this share count fully.</summary>
    internal static double RareShare = 0.001;

    /// <summary>Names carrying a word at or above this share count least.</summary>
    internal static double CommonShare = 0.04;

    /// <summary>The weight of the most common words.</summary>
    internal static double Floor = 0.4;

    /// <summary>
    /// A factor in [<see cref="Floor"/>, 1]: 1 for words in at most 0.1 % of listed names, the floor
    /// for words in 4 % or more, log-linear between. Short lists (tests, a small import) have no
    /// statistics worth the name: every word then counts fully.
    /// </summary>
    public float Informativeness(string key)
    {
        if (_names < 2000 || !_frequency.TryGetValue(key, out var count))
        {
            return 1f;
        }
        var share = (double)count / _names;
        if (share <= RareShare)
        {
            return 1f;
        }
        if (share >= CommonShare)
        {
            return (float)Floor;
        }
        var t = Math.Log(share / RareShare) / Math.Log(CommonShare / RareShare);
        return (float)(1 - t * (1 - Floor));
    }

    public int Frequency(string key) => _frequency.GetValueOrDefault(key);

    /// <summary>
    /// Whether some listed name has this word as written. Lists too short for statistics say nothing about which words
    /// are names: every word then counts as one.
    /// </summary>
    public bool IsListedWord(string word) => _names < 2000 || _words.Contains(word);
}
