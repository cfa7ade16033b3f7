namespace Jsms.Features.Screening.Matching;

/// <summary>A name prepared once for many comparisons: its words, and each pair of neighbouring words joined.</summary>
internal sealed class PreparedName
{
    public PreparedName(string original, NameSchema schema, TokenStatistics? statistics = null)
    {
        Original = original;
        var tokens = NameText.Tokenize(original, schema, commonByList: statistics is not null);
        if (tokens.Length > MaxTokens)
        {
            tokens = tokens[..MaxTokens];
        }
        Genealogy = schema != NameSchema.Entity && NameText.HasGenealogy(original);
        IsEntity = schema == NameSchema.Entity;
        Chinese = Transliteration.IsChineseScript(original);
        if (Transliteration.TypedIn(original) is var script and not TypedScript.Latin)
        {
            for (var i = 0; i < tokens.Length; i++)
            {
                tokens[i] = tokens[i] with { Script = script };
            }
        }
        Tokens = tokens;
        Whole = WholeName.Read(original, schema);
        Reweigh(statistics);
    }

    /// <summary>The name links generations (X bin Y): swapping X and Y names someone else.</summary>
    public bool Genealogy { get; }

    /// <summary>Written in Chinese characters: each word is one syllable, and one shared syllable says nothing.</summary>
    public bool Chinese { get; }

    /// <summary>An organisation, vessel or aircraft name: compared with the entity settings when the other name is one too.</summary>
    public bool IsEntity { get; }

    public const int MaxTokens = 12;

    /// <summary>The name read whole (typed in Latin letters only): same words in another order, same letters broken otherwise.</summary>
    public WholeName? Whole { get; }

    public string Original { get; }

    public NameToken[] Tokens { get; private set; }

    /// <summary>Word i and word i + 1 written as one ("Jin ping" / "Jinping").</summary>
    public NameToken[] Joined { get; private set; } = [];

    public float TotalWeight { get; private set; }

    public bool IsEmpty => Tokens.Length == 0;

    /// <summary>Weighs the words by how informative they are in the lists (common given names count less).</summary>
    internal void Reweigh(TokenStatistics? statistics)
    {
        if (statistics is not null)
        {
            var tokens = Tokens;
            for (var i = 0; i < tokens.Length; i++)
            {
                var f = statistics.Informativeness(tokens[i].Key);
                tokens[i] = tokens[i] with { Weight = tokens[i].Weight * f, ConflictWeight = tokens[i].ConflictWeight * f, Unlisted = !statistics.IsListedWord(tokens[i].Text) };
            }
        }
        var total = 0f;
        foreach (var t in Tokens)
        {
            total += t.Weight;
        }
        TotalWeight = total;
        var joined = new NameToken[Math.Max(0, Tokens.Length - 1)];
        // Reweighing changes weights only: the joined words' text and what is derived from it (keys, shape,
        // skeleton, graphemes) are kept from the first weighing rather than derived again.
        var known = Joined.Length == joined.Length ? Joined : null;
        for (var i = 0; i < joined.Length; i++)
        {
            var (a, b) = (Tokens[i], Tokens[i + 1]);
            joined[i] = known is null
                ? new NameToken(NameText.JoinWords(a.Text, b.Text, a.Written is null), a.Weight + b.Weight, false, a.ConflictWeight + b.ConflictWeight)
                    { Generic = a.Generic && b.Generic, Written = WrittenJoined(a, b), Script = a.Script }
                : known[i] with { Weight = a.Weight + b.Weight, ConflictWeight = a.ConflictWeight + b.ConflictWeight, Generic = a.Generic && b.Generic };
        }
        Joined = joined;
    }

    /// <summary>Two words joined as written, when reading them as one word changed them (abde lrazaq, abddus somad).</summary>
    private static string? WrittenJoined(in NameToken a, in NameToken b)
    {
        var written = (a.Written ?? a.Text) + (b.Written ?? b.Text);
        return a.Written is not null || b.Written is not null || a.Text.StartsWith("abd", StringComparison.Ordinal) ? written : null;
    }
}
