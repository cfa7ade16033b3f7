namespace Jsms.Features.Screening.Matching;

/// <summary>
/// The script a name was typed in, which decides the typing errors that can be read into its Latin letters: a name
/// typed in another script was not typed on a Latin keyboard, so its Latin letters' neighbouring keys say nothing.
/// </summary>
internal enum TypedScript
{
    Latin,

    /// <summary>Arabic, Persian, Urdu: short vowels are not written, every Latin letter is the transliteration's.</summary>
    Consonantal,

    /// <summary>Cyrillic, Greek, Chinese and the others the transliteration reads, vowels written.</summary>
    Other,
}
