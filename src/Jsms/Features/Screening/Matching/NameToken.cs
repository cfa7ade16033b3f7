namespace Jsms.Features.Screening.Matching;

/// <summary>
/// One word of a prepared name: its Latin form, its phonetic key (consonants only), its shape (the key
/// with the places of the vowels kept: Tarek and Tariq share "tarak", Turki is "tarka"), and how much
/// it counts. <see cref="Weight"/> is the base weight (titles, particles, patronymics count less) times
/// the word's informativeness in the lists (<see cref="TokenStatistics"/>).
/// <see cref="Canonical"/> is the group of equivalent given names the word belongs to (<see cref="NameEquivalents"/>);
/// <see cref="Generic"/> marks words of an organisation name that say little (legal forms, numbers).
/// </summary>
internal readonly record struct NameToken(string Text, string Key, string Shape, float Weight, bool Initial, float ConflictWeight,
    string? Canonical = null, bool Generic = false)
{
    /// <summary>The word with romanisation differences levelled (<see cref="NameText.Skeleton"/>): equal skeletons are one name written two ways.</summary>
    public string Skeleton { get; init; } = NameText.Skeleton(Text);

    /// <summary>The word read as graphemes for <see cref="SpellingConventions"/> (doubled ones once; empty when not Latin).</summary>
    public string[] Graphemes { get; init; } = SpellingConventions.Read(Text).Graphemes;

    /// <summary>Whether the word has a doubled grapheme (Hassan), which another convention writes once.</summary>
    public bool Doubled { get; init; } = SpellingConventions.Read(Text).Doubled;

    /// <summary>The article ("al") or ben/bin/ould written just before the word and dropped from the name, or null.</summary>
    public string? Before { get; init; }

    /// <summary>The article or ben/bin/ould written just after the word and dropped (the "al" of Abu al-Ward), or null.</summary>
    public string? After { get; init; }

    /// <summary>
    /// An Abd word as written before it was read (abdelrazaq, abdullah, abdulsalam), or null: a typing error in the
    /// prefix (Abselrazaq, Adbullah) is one letter from this form but several from the form read.
    /// </summary>
    public string? Written { get; init; }

    /// <summary>
    /// No listed name has this word (known once the name is weighed by the lists' statistics): a word without the last
    /// vowel of a listed word is then that word mistyped, not a name of its own (Moren for Moreno; Salim stays Salim).
    /// </summary>
    public bool Unlisted { get; init; }

    /// <summary>
    /// Sheikh as the last word, not after the article: the title written after the name (Ahmed Umar Sheikh) as often as a
    /// family name, so without a partner it costs little when the rest of the name matched.
    /// </summary>
    public bool TitleAfterName { get; init; }

    /// <summary>A Russian patronymic after the first word (Sergey Viktorovich Lavrov): often left out of a name, so its absence alone does not make the name partial.</summary>
    public bool Patronymic { get; init; }

    /// <summary>The script the word was typed in (<see cref="TypedScript"/>).</summary>
    public TypedScript Script { get; init; }

    public NameToken(string text, float weight, bool initial, float conflictWeight)
        : this(text, NameText.Key(text), NameText.Shape(text), weight, initial, conflictWeight)
    {
    }
}
