using Jsms.Features.Screening.Matching;

namespace Jsms.Tests.Screening;

/// <summary>
/// Names read whole: the same words in another order, the same letters broken into words elsewhere, and one typing error in
/// the letters of the whole name, however reading the words one by one turned out (a title or particle that moved, a typo that
/// made a title or fell after a hyphen).
/// </summary>
public sealed class WholeNameTests(RealListIndex lists) : IClassFixture<RealListIndex>
{
    [Theory]
    [InlineData("Abukar Sheikh", "6908853")]          // Sheikh Abukar: the title written last
    [InlineData("Thoyib Ibnu", "111790")]             // Thoyib, Ibnu: ibnu written last
    [InlineData("Abu Qarin Mus'ab", "6908705")]        // Mus'ab Abu Qarin, not Abu Musab
    public void The_same_words_in_another_order_find_the_listed_name_first(string query, string id)
        => AssertFirst(query, id, "the same words in another order");

    [Fact]
    public void Across_bin_the_order_of_the_words_still_says_who_is_whose_son()
    {
        Assert.True(lists.ScoreAsSearched("Hasan bin Ahmad Khalil", "Ahmad bin Hasan Khalil") < NameMatcher.SameWordsSimilarity);
        // The first words written last keep the generations in their order.
        Assert.True(lists.ScoreAsSearched("Ould Ahmed Ould Ali Mohamed", "Mohamed Ould Ahmed Ould Ali") >= NameMatcher.SameWordsSimilarity);
    }

    [Theory]
    [InlineData("Qaridin Mohammad", "110917")]        // Qari Din Mohammad: the title joined to the name after it
    [InlineData("Haji Kari Mullah", "2989740")]       // Haji Karimullah: a split that makes titles of a name
    public void The_same_letters_broken_into_words_elsewhere_find_the_listed_name_first(string query, string id)
        => AssertFirst(query, id, "the same letters, the words broken elsewhere");

    [Theory]
    [InlineData("Mohamed Omar Hsji", "6909267")]      // the typo in the title Haji written last
    [InlineData("Abu al-Qard", "2786246")]            // the typo in the first letter after the article
    public void One_typing_error_in_the_letters_of_the_whole_name_finds_the_listed_name_first(string query, string id)
        => AssertFirst(query, id, "one typing error in the whole name");

    [Theory]
    [InlineData("Jafar Karim Salih", "Jafari Karim Salih")]  // a last vowel of a word more or less is another name
    [InlineData("Husain Salim", "Husain Salimi")]            // the last letter of the whole name
    [InlineData("Ali Hasan", "Ali Hasaan")]                  // too short to be read whole
    [InlineData("Husain", "Husayn")]
    public void A_last_vowel_of_a_word_or_a_short_name_is_not_read_as_a_typing_error_in_the_whole_name(string query, string listed)
    {
        var q = new PreparedName(query, NameSchema.Person);
        var c = new PreparedName(listed, NameSchema.Person);
        var comparison = NameMatcher.Compare(q, c);
        Assert.DoesNotContain(comparison.Pairs, p => p.How.StartsWith("one typing error in the whole name", StringComparison.Ordinal));
    }

    [Fact]
    public void A_name_in_another_script_is_not_read_whole()
        => Assert.Null(new PreparedName("محمد عمر حاجي", NameSchema.Person).Whole);

    private void AssertFirst(string query, string id, string how)
    {
        var found = lists.Index.Search(new ScreeningQuery(query));
        Assert.NotEmpty(found);
        Assert.True(found[0].SourceId == id, $"{query}: first {found[0].SourceId} \"{found[0].MatchedName}\" {found[0].Score}");
        Assert.Contains(found[0].Rules, r => r.Contains(how, StringComparison.Ordinal));
    }
}
