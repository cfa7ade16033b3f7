using Jsms.Features.Screening.Matching;

namespace Jsms.Tests.Screening;

/// <summary>
/// Names typed in Arabic script against names listed in Latin letters: Arabic script leaves short vowels out, and its
/// Latin letters are the transliteration's, not typed on a Latin keyboard.
/// </summary>
public sealed class ArabicScriptNameTests(RealListIndex lists) : IClassFixture<RealListIndex>
{
    private static NameToken Word(string name) => NameText.Tokenize(name, NameSchema.Person)[0] is var t
        ? t with { Script = Transliteration.TypedIn(name) }
        : throw new InvalidOperationException();

    [Theory]
    [InlineData("سليم منصور", "Salim Mansur")]
    [InlineData("سليم منصور", "Saleem Mansour")]
    [InlineData("حسين حلبي", "Hussein Halabi")]
    public void A_name_in_arabic_script_is_the_listed_name_with_its_short_vowels_unwritten(string query, string listed)
        => Assert.True(lists.Score(query, listed) >= ScreeningIndex.DefaultThreshold, $"{query} ~ {listed}: {lists.Score(query, listed):0.000}");

    [Theory]
    [InlineData("salim", "slim", true)]
    [InlineData("mansour", "mnsur", true)]
    [InlineData("hussein", "hsin", true)]
    [InlineData("salem", "slim", false)]   // the long vowel Arabic script writes differs (سالم, سليم)
    [InlineData("saif", "saf", false)]     // the ya of Saif is written (سيف); سف is not Saif
    [InlineData("umari", "mri", false)]    // a first vowel is written
    [InlineData("maria", "mri", false)]    // and a last one
    public void Only_short_vowels_inside_a_word_go_unwritten(string latin, string arabic, bool same)
        => Assert.Equal(same, NameMatcher.VowelsUnwritten(latin, arabic));

    [Fact]
    public void A_latin_neighbouring_key_is_no_typo_in_a_name_typed_in_arabic_script()
    {
        // نادر (Nadir, read nadr) and Nasr: d and s are neighbours on a Latin keyboard, not on an Arabic one.
        var (similarity, how) = NameMatcher.TokenSimilarity(Word("نادر"), Word("Nasr"));
        Assert.NotEqual("neighbouring key", how);
        Assert.True(similarity < ScreeningIndex.DefaultThreshold, $"{how} {similarity:0.00}");
        Assert.Equal("neighbouring key", NameMatcher.TokenSimilarity(Word("Nadr"), Word("Nasr")).How);
    }

    [Fact]
    public void A_latin_neighbouring_key_is_no_typo_in_a_name_typed_in_cyrillic()
        => Assert.NotEqual("neighbouring key", NameMatcher.TokenSimilarity(Word("Надр"), Word("Nasr")).How);

    [Theory]
    [InlineData("عادل باسل عساف", "Saif al-Adil")]   // Assaf is not Saif
    [InlineData("نادر العلي", "Nasr al-Ali")]
    public void A_different_name_in_arabic_script_does_not_match(string query, string listed)
        => Assert.True(lists.Score(query, listed) < ScreeningIndex.DefaultThreshold, $"{query} ~ {listed}: {lists.Score(query, listed):0.000}");
}
