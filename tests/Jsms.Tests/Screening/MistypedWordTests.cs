using Jsms.Features.Screening.Lists;
using Jsms.Features.Screening.Matching;

namespace Jsms.Tests.Screening;

/// <summary>
/// Typing errors in the words of a name: finding the listed name among the many that sound alike, an Abd word split
/// a letter or two into the name.
/// </summary>
public sealed class MistypedWordTests(RealListIndex lists) : IClassFixture<RealListIndex>
{
    [Theory]
    [InlineData("Hoxine", "Hocine")]    // a neighbouring key: sounds like the many Hasans and Husseins
    [InlineData("Hocinne", "Hocine")]   // a letter typed twice
    public void A_word_one_typing_error_from_a_listed_word_is_found_among_the_names_that_sound_alike(string query, string listed)
    {
        var found = lists.Index.Search(new ScreeningQuery(query));
        Assert.Contains(found, m => m.Source == ListSource.UN && m.MatchedName == listed);
    }

    [Theory]
    [InlineData("Abdelr Azaq", "Abdelrazaq")]
    [InlineData("Abdelba Ssed Azouz", "Abdelbassed Azouz")]
    [InlineData("Abdelk Ader Laagoub", "Abdelkader Laagoub")]
    public void An_abd_word_split_a_letter_or_two_after_its_prefix_joins_as_the_abd_word(string query, string listed)
        => Assert.True(lists.Score(query, listed) >= ScreeningIndex.DefaultThreshold, $"{query} ~ {listed}: {lists.Score(query, listed):0.000}");

    [Theory]
    [InlineData("Ghaseem Sulaymani", "Ghasem Sulaymani", "Qasim Sulaymani")]   // a letter typed twice, against a name that sounds alike
    [InlineData("Abu Ubaaydah", "Abu Ubaydah", "Abu Obaidah")]                 // a romanisation variant, against one that sounds alike
    public void A_word_one_typing_error_away_ranks_above_a_word_that_only_sounds_alike(string query, string closer, string soundsAlike)
    {
        var found = lists.Index.Search(new ScreeningQuery(query), limit: 50);
        var near = found.First(m => m.MatchedName == closer);
        var far = found.FirstOrDefault(m => m.MatchedName == soundsAlike);
        Assert.True(far is null || near.Score > far.Score, $"{closer} {near.Score} against {soundsAlike} {far?.Score}");
    }

    [Fact]
    public void Two_listed_words_written_as_one_with_a_typo_count_as_two_words_matched()
        => Assert.Equal("Abid Hammadou", lists.Index.Search(new ScreeningQuery("Abd Hammadou"))[0].MatchedName);   // Abid without its i reads as Abd, glued to the name
}
