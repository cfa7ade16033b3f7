namespace Jsms.Features.Screening.Matching;

/// <summary>How alike two single words are: the rules below the whole-name comparison.</summary>
internal static partial class NameMatcher
{
    /// <summary>Similarity of two words in [0, 1] and why.</summary>
    /// <param name="entity">Organisation words: typos anywhere (Meta/Beta, Appel/Apple) and a lower bar.</param>
    public static (double Similarity, string How) TokenSimilarity(in NameToken a, in NameToken b, bool entity = false)
    {
        if (ReferenceEquals(a.Text, b.Text) || a.Text == b.Text)
        {
            return (1.0, "same");
        }
        if (a.Initial || b.Initial)
        {
            return a.Text[0] == b.Text[0] ? (0.9, "initial") : (0.0, "");
        }
        if (a.Canonical is not null && b.Canonical is not null && NameEquivalents.Same(a.Canonical, b.Canonical))
        {
            // Bill and William, Yusuf and Joseph, Sasha and Aleksandr.
            return (EquivalentSimilarity, Equivalent);
        }
        if (AbdSimilarity > 0 && ((AbdForm(a.Text, b.Text) && b.Weight >= AbdMinWeight) || (AbdForm(b.Text, a.Text) && a.Weight >= AbdMinWeight)))
        {
            // Abd al-Hanif is often called Hanif: the servant-of prefix left out. Not for common words
            // (Abdul Mohammad is not Wali Mohammad, Abdul Khan not Padshah Khan).
            return (AbdSimilarity, "Abd- form");
        }
        if (a.Skeleton == b.Skeleton && a.Text.Length > 1 && b.Text.Length > 1)
        {
            // The same letters once romanisation conventions are levelled (Mahmood, Mahmoud; Lavrovs, Lavrov).
            return AtLeastAsSoundingAlike(a, b, entity, RomanisationSimilarity, "romanisation variant");
        }
        if (!entity && (a.Script == TypedScript.Consonantal) != (b.Script == TypedScript.Consonantal)
            && (a.Script == TypedScript.Consonantal ? VowelsUnwritten(b.Text, a.Text) : VowelsUnwritten(a.Text, b.Text)))
        {
            // Arabic script does not write short vowels: slim and mnsur are how Salim and Mansur are written there.
            return (RomanisationSimilarity, ShortVowelsUnwritten);
        }
        if (!entity && a.Script != TypedScript.Consonantal && b.Script != TypedScript.Consonantal && Typos.Kind(a.Text, b.Text) is { } typo
            && (typo != Typos.NeighbouringKey || (a.Script == TypedScript.Latin && b.Script == TypedScript.Latin)))
        {
            // One typing error in a word of four letters or more, not in its first letter. Not in a word typed in Arabic
            // script: its Latin letters are the transliteration's, vowels missing, and a letter more or less there is
            // another name as often as a typo (Nadir and Nasr, Assaf and Sayf). Nor a neighbouring Latin key in a
            // word typed on another keyboard.
            return AtLeastAsSoundingAlike(a, b, entity, TypoSimilarity, typo);
        }
        if (!entity && (a.Written is not null || b.Written is not null) && Typos.Kind(a.Written ?? a.Text, b.Written ?? b.Text) is { } abdTypo)
        {
            // A typo in the prefix of an Abd word as written (Abselrazaq, Abdelrazaq): reading the prefix away would hide it.
            return (TypoSimilarity, abdTypo + " in the Abd word as written");
        }
        if (!entity && a.Text.Length != b.Text.Length && (Glued(a.Text, b.Text) ?? Glued(b.Text, a.Text) ?? GluedToShort(a, b) ?? GluedToShort(b, a)) is { } glued)
        {
            // The article, ben or a title typed onto the name (Qasimal-Rami, Benromdhane, Hajikhairullah).
            return (GluedSimilarity, glued);
        }
        if (!entity && a.Graphemes.Length == b.Graphemes.Length && SpellingConventions.Equivalence(a.Graphemes, a.Doubled, b.Graphemes, b.Doubled) is { } rule)
        {
            // The same sounds written by another language's conventions (Uthman, Usman, Osman).
            return (ConventionSimilarity, rule);
        }
        var soundAlike = SoundAlike(a, b);
        var longer = Math.Max(a.Text.Length, b.Text.Length);
        var editShare = entity ? EntityEditShare : 0.75;
        if (!soundAlike && editShare * (1.0 - (double)Math.Abs(a.Text.Length - b.Text.Length) / longer) + (1 - editShare) < (entity ? EntityTokenThreshold : TokenThreshold))
        {
            // Even with the fewest possible edits the spelling could not reach the threshold.
            return (0.0, "");
        }
        // Mostly edit distance (a typo costs one edit; a different name several), a little Jaro-Winkler.
        var (x, y) = (a.Text, b.Text);
        var threshold = entity ? EntityTokenThreshold : TokenThreshold;
        // The most edits that could still reach the threshold (Jaro-Winkler at most 1): the edit distance
        // stops counting beyond it. Words that sound alike need the exact distance for their score.
        var share = (threshold - (1 - editShare)) / editShare;
        var edits = StringDistance.DamerauLevenshtein(x, y, soundAlike ? longer : (int)(longer * (1 - share) + 1e-9));
        var editPart = 1.0 - (double)edits / longer;
        if (!entity && (!ReferenceEquals(a.Skeleton, a.Text) || !ReferenceEquals(b.Skeleton, b.Text)))
        {
            // Spelled the romanisation-levelled way (Serej, Sergey: one letter apart as serei, sergei).
            var skeletonLonger = Math.Max(a.Skeleton.Length, b.Skeleton.Length);
            var skeletonEdits = StringDistance.DamerauLevenshtein(a.Skeleton, b.Skeleton, soundAlike ? skeletonLonger : (int)(skeletonLonger * (1 - share) + 1e-9));
            var levelled = 1.0 - (double)skeletonEdits / skeletonLonger;
            if (levelled > editPart)
            {
                (x, y, edits, editPart) = (a.Skeleton, b.Skeleton, skeletonEdits, levelled);
            }
        }
        if (!soundAlike && editShare * editPart + (1 - editShare) < threshold)
        {
            // Jaro-Winkler (at most 1) could not lift it to the threshold.
            return (0.0, "");
        }
        var spelling = editShare * editPart + (1 - editShare) * StringDistance.JaroWinkler(x, y);
        if (!soundAlike && !entity && a.Text[0] != b.Text[0])
        {
            // Names rarely differ in their first letter by a typo: Nassar and Qassar are two names.
            spelling *= FirstLetterFactor;
        }
        if (soundAlike)
        {
            var phonetic = Phonetic(a, spelling);
            if (phonetic > spelling)
            {
                return (phonetic, SoundsAlike);
            }
        }
        if (spelling < TypoSimilarity && !entity && a.Script == TypedScript.Latin && b.Script == TypedScript.Latin
            && ((a.Unlisted && Typos.WithoutLastVowel(b.Text, a.Text)) || (b.Unlisted && Typos.WithoutLastVowel(a.Text, b.Text))))
        {
            // Moren for Moreno, Hamz for Hamza: a short word without its last vowel is another name when it is one (Jafar,
            // Jafari), and a typing error when no listed name has it.
            return (TypoSimilarity, Typos.LastVowelDropped);
        }
        return (spelling, edits == 1 ? "one letter differs" : spelling >= 0.9 ? "spelling variant" : "similar spelling");
    }


    /// <summary>
    /// The similarity of a rule (a romanisation variant, a typing error), or what the pair gets for sounding alike when that
    /// is more: a word one typing error from the query's is closer than one that only sounds like it (Ghaseem: Ghasem before
    /// Qasim; Ubaaydah: Ubaydah before Obaidah). Words typed in Latin letters only, so a Chinese syllable keeps the
    /// romanisation similarity that counts it as a shared syllable.
    /// </summary>
    private static (double Similarity, string How) AtLeastAsSoundingAlike(in NameToken a, in NameToken b, bool entity, double similarity, string how)
    {
        if (entity || a.Script != TypedScript.Latin || b.Script != TypedScript.Latin || !SoundAlike(a, b))
        {
            return (similarity, how);
        }
        // Equal skeletons are spelled alike once levelled; a typing error is one edit.
        var spelling = a.Skeleton == b.Skeleton ? 1.0
            : 0.75 * (1.0 - 1.0 / Math.Max(a.Text.Length, b.Text.Length)) + 0.25 * StringDistance.JaroWinkler(a.Text, b.Text);
        return (Math.Max(similarity, Phonetic(a, spelling)), how);
    }

    /// <summary>
    /// Sounding alike needs the same consonants (two or more: Hu and Ho, Hui and Hua say nothing), the vowels in the same
    /// places (Tarek ~ Tariq, not Turki; Jafar, not Jafari) and the same final vowel (Lucia is not Lucio). Short words are
    /// syllables (Yang, Ying, Wei): there the vowels themselves must agree.
    /// </summary>
    private static bool SoundAlike(in NameToken a, in NameToken b)
        => a.Key.Length >= 2 && a.Key == b.Key && a.Shape == b.Shape && FinalVowelsAgree(a.Skeleton, b.Skeleton)
            && (Math.Min(a.Text.Length, b.Text.Length) > 4 || VowelsAgree(a.Text, b.Text));

    /// <summary>
    /// The similarity of words that sound alike, from their spelling similarity. Short keys say less: two consonants are
    /// shared by many different names, so two consonants need the spelling to be close too (Bhatti is not Bu'ayti). Words
    /// spelled far apart that share only their consonants are other names as often as one name (Hasan, Huseyin; Tavares,
    /// Torres; Alekseev, Alisov): below a spelling floor they do not sound alike.
    /// </summary>
    private static double Phonetic(in NameToken a, double spelling)
        => spelling < PhoneticMinSpelling ? 0 : a.Key.Length >= 3 ? 0.9 + 0.08 * spelling : spelling >= 0.65 ? 0.8 + 0.15 * spelling : 0;

    private const string ShortVowelsUnwritten = "short vowels not written in Arabic script";

    /// <summary>
    /// True when <paramref name="consonantal"/> (a word typed in Arabic script) is <paramref name="latin"/> with some vowels
    /// inside it left out. The long vowels Arabic script writes (alif, waw, ya: a, u, i) must be there, and so must a first
    /// or last vowel (Salim is سليم, Salem سالم: two names), once ee, oo and ou are read as the one long vowel they write
    /// and doubled letters once.
    /// </summary>
    internal static bool VowelsUnwritten(string latin, string consonantal)
    {
        if (consonantal.Length < 2 || latin.Length <= consonantal.Length)
        {
            return false;
        }
        if (latin.Contains("ee", StringComparison.Ordinal) || latin.Contains("oo", StringComparison.Ordinal) || latin.Contains("ou", StringComparison.Ordinal))
        {
            latin = latin.Replace("ee", "i", StringComparison.Ordinal).Replace("oo", "u", StringComparison.Ordinal).Replace("ou", "u", StringComparison.Ordinal);
        }
        for (var k = 1; k < latin.Length; k++)
        {
            if (latin[k] == latin[k - 1])
            {
                // Arabic script writes a doubled consonant once (Hussein, حسين).
                latin = latin.Remove(k, 1);
                k--;
            }
        }
        if (latin.Length <= consonantal.Length || latin[0] != consonantal[0] || latin[^1] != consonantal[^1])
        {
            return false;
        }
        var j = 0;
        for (var i = 0; i < latin.Length; i++)
        {
            var c = latin[i];
            if (j < consonantal.Length && consonantal[j] == c)
            {
                j++;
            }
            else if (!IsVowel(c) || (i > 0 && IsVowel(latin[i - 1]) && (i + 1 == latin.Length || !IsVowel(latin[i + 1]))))
            {
                // Only a short vowel is left unwritten: the last of two vowels (ai, ei, au) is the ya or waw Arabic script
                // writes (Saif is سيف, never سف; Hussein حسين).
                return false;
            }
        }
        return j == consonantal.Length;

        static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
    }

    /// <summary>The spelling similarity below which words with the same three or more consonants no longer sound alike.</summary>
    internal static double PhoneticMinSpelling = 0.65;

    /// <summary>Similarity of two words one typing error apart (<see cref="Typos"/>).</summary>
    internal static double TypoSimilarity = 0.93;

    /// <summary>Similarity of two words that are one spelling by different languages' conventions (<see cref="SpellingConventions"/>).</summary>
    internal static double ConventionSimilarity = 0.94;

    /// <summary>Similarity of a word and the same word with an article, ben/bin or a title typed onto it.</summary>
    internal static double GluedSimilarity = 0.93;

    private static readonly string[] GluedTitles = ["sheikh", "shaikh", "sheik", "hajji", "haji", "mullah", "mulla", "qari"];

    /// <summary>
    /// What is glued to <paramref name="bare"/> to make <paramref name="word"/>, or null: an article after it (the "al" of
    /// the next name: Qasimal Rami) or before it (Alnuaymi), ben/bin before it, or a title before it. The bare word has
    /// five letters or more (six after ben/bin), so a short name with a syllable more stays another name (Rafa, Rafael;
    /// Bert, Albert; Jamin, Benjamin).
    /// </summary>
    private static string? Glued(string word, string bare)
    {
        var extra = word.Length - bare.Length;
        if (extra is < 2 or > 6 || bare.Length < 5)
        {
            return null;
        }
        if (extra == 2 && (word.EndsWith("al", StringComparison.Ordinal) || word.EndsWith("el", StringComparison.Ordinal))
            && word.StartsWith(bare, StringComparison.Ordinal))
        {
            return "article joined to the word before";
        }
        if (!word.EndsWith(bare, StringComparison.Ordinal))
        {
            return null;
        }
        var prefix = word.AsSpan(0, extra);
        if (prefix is "al" or "el")
        {
            return "article joined";
        }
        if (prefix is "ben" or "bin")
        {
            return bare.Length >= 6 ? "ben/bin joined" : null;
        }
        foreach (var title in GluedTitles)
        {
            if (prefix.SequenceEqual(title))
            {
                return "title joined";
            }
        }
        return null;
    }

    /// <summary>
    /// The article or ben/bin/ould that the other name writes as a word of its own, typed onto a short word
    /// (Abual-Ward for Abu al-Ward, Habibben Ahmed for Habib ben Ahmed, Benomar for ben Omar). The other name
    /// shows the word is there, so the bare word may be short; without it Rafa and Rafael stay apart.
    /// </summary>
    private static string? GluedToShort(in NameToken word, in NameToken bare)
    {
        if (bare.Text.Length < 3 || word.Text.Length <= bare.Text.Length)
        {
            return null;
        }
        if (bare.After is { } after && word.Text.Length == bare.Text.Length + after.Length
            && word.Text.StartsWith(bare.Text, StringComparison.Ordinal) && word.Text.EndsWith(after, StringComparison.Ordinal))
        {
            return after is "al" or "el" ? "article joined to the word before" : "ben/bin joined";
        }
        if (bare.Before is { } before && word.Text.Length == bare.Text.Length + before.Length
            && word.Text.EndsWith(bare.Text, StringComparison.Ordinal) && word.Text.StartsWith(before, StringComparison.Ordinal))
        {
            return before is "al" or "el" ? "article joined" : "ben/bin joined";
        }
        return null;
    }

    private static bool AbdForm(string abd, string bare)
        => abd.Length == bare.Length + 3 && bare.Length >= 4 && abd.StartsWith("abd", StringComparison.Ordinal) && abd.EndsWith(bare, StringComparison.Ordinal);

    private static bool FinalVowelsAgree(string a, string b) => VowelClass(a[^1]) == VowelClass(b[^1]);

    private static bool VowelsAgree(string a, string b)
    {
        int i = 0, j = 0;
        while (true)
        {
            while (i < a.Length && VowelClass(a[i]) == 0)
            {
                i++;
            }
            while (j < b.Length && VowelClass(b[j]) == 0)
            {
                j++;
            }
            if (i == a.Length || j == b.Length)
            {
                return i == a.Length && j == b.Length;
            }
            if (VowelClass(a[i++]) != VowelClass(b[j++]))
            {
                return false;
            }
        }
    }

    /// <summary>a; o and u; e, i and y (Sergei, Sergey); consonants are one class.</summary>
    private static int VowelClass(char c) => c switch { 'a' => 1, 'o' or 'u' => 2, 'e' or 'i' or 'y' => 3, _ => 0 };
}
