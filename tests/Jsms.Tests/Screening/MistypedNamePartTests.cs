using Jsms.Features.Screening.Lists;
using Jsms.Features.Screening.Matching;

namespace Jsms.Tests.Screening;

/// <summary>
/// Typing errors in the parts of a name that are not names (titles, Abd, the article), words glued across them, and the
/// order of equally scored answers.
/// </summary>
public sealed class MistypedNamePartTests(RealListIndex lists) : IClassFixture<RealListIndex>
{
    private static string Words(string name) => string.Join(' ', NameText.Tokenize(name, NameSchema.Person).Select(t => t.Text));

    [Theory]
    [InlineData("Sheokh Abukar", "Sheikh Abukar")]           // a neighbouring key
    [InlineData("Qair Saifullah", "Qari Saifullah")]         // two letters swapped
    [InlineData("Haju Kheirullah", "Haji Kheirullah")]
    [InlineData("Hadschi Abdul Satar", "Haji Abdul Satar")]  // German spelling
    [InlineData("Haci Loi Lala", "Haji Loi Lala")]           // Turkish spelling
    [InlineData("Kari Zakir", "Qari Zakir")]
    [InlineData("Qri Saifullah Tokhi", "Qari Saifullah Tokhi")]  // a letter dropped where no name is left
    [InlineData("Hji Kheirullah", "Haji Kheirullah")]
    public void A_mistyped_or_foreign_spelled_title_before_a_name_is_a_title(string query, string listed)
        => Assert.True(lists.Score(query, listed) >= ScreeningIndex.DefaultThreshold, $"{query} ~ {listed}: {lists.Score(query, listed):0.000}");

    [Fact]
    public void A_name_one_letter_from_a_title_stays_a_name()
    {
        Assert.Equal("abdhai hazem", Words("Abdul Hai Hazem"));
        Assert.Equal("hazem sheikh", Words("Hazem Sheikh"));
        Assert.Equal("ali hajj", Words("Ali El Hajj"));
    }

    [Theory]
    [InlineData("Abual-Ward", "Abu Al-Ward")]                       // the article typed onto a short word before it
    [InlineData("Alial-Hamoud al-Shawakh", "Ali al-Hamoud al-Shawakh")]
    [InlineData("Habibben Ahmed al-Loubiri", "Habib ben Ahmed al-Loubiri")]
    [InlineData("Sofiane Bengoumo", "Sofiane ben Goumo")]           // ben typed onto the word after it
    public void A_short_word_with_the_article_or_ben_of_the_listed_name_typed_onto_it_is_that_word(string query, string listed)
        => Assert.True(lists.Score(query, listed) >= ScreeningIndex.DefaultThreshold, $"{query} ~ {listed}: {lists.Score(query, listed):0.000}");

    [Theory]
    [InlineData("Abde Lrazaq", "Abdelrazaq")]
    [InlineData("Abde Lbassed Azouz", "Abdelbassed Azouz")]
    public void An_abd_word_split_by_a_typo_joins_as_the_abd_word(string query, string listed)
        => Assert.True(lists.Score(query, listed) >= ScreeningIndex.DefaultThreshold, $"{query} ~ {listed}: {lists.Score(query, listed):0.000}");

    [Theory]
    [InlineData("Abselrazaq", "Abdelrazaq")]              // a neighbouring key in the prefix
    [InlineData("Adbullah Anshori", "Abdullah Anshori")]  // two letters of the prefix swapped
    [InlineData("Abddus Somad", "Abdus Somad")]           // a letter of the prefix typed twice
    public void A_typo_in_the_prefix_of_an_abd_word_is_one_typing_error(string query, string listed)
        => Assert.True(lists.Score(query, listed) >= ScreeningIndex.DefaultThreshold, $"{query} ~ {listed}: {lists.Score(query, listed):0.000}");

    [Fact]
    public void A_typo_in_the_prefix_of_an_abd_word_is_named_in_the_rules_of_a_match()
    {
        var found = lists.Index.Search(new ScreeningQuery("Abselrazaq"));
        Assert.Contains(found, m => m.Rules.Any(r => r.Contains("in the Abd word as written", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("Qarizakir", "Qari Zakir")]
    [InlineData("Mullahkrekar", "Mullah Krekar")]
    [InlineData("Hajikhair Mohammad", "Haji Khair Mohammad")]
    public void A_title_typed_onto_the_front_of_a_name_is_a_title(string query, string listed)
        => Assert.Equal(Words(listed), Words(query));

    [Fact]
    public void A_name_ending_in_a_title_stays_a_name()
    {
        Assert.Equal("karimullah", Words("Haji Karimullah"));
        Assert.Equal("said bahaji", Words("Said Bahaji"));
        Assert.Equal("hajiyev ilham", Words("Hajiyev Ilham"));
    }

    [Theory]
    [InlineData("Mohamed Oyld Ahmed Ould Ali")]  // a neighbouring key
    [InlineData("Mohamed Oudl Ahmed Ould Ali")]  // two letters swapped
    [InlineData("Mohamed Oud Ahmed Ould Ali")]   // a letter dropped
    public void Ould_with_a_typing_error_between_two_names_is_ould(string query)
        => Assert.Equal(Words("Mohamed Ould Ahmed Ould Ali"), Words(query));

    [Theory]
    [InlineData("Hani Yousef ak-Sebai", "Hani Yousef al-Sebai")]  // a neighbouring key
    [InlineData("Ashraf Abd-sl-Salam", "Ashraf Abd-al-Salam")]
    [InlineData("Ell-Sababt Omar", "El-Sababt Omar")]            // a letter typed twice
    public void A_mistyped_article_before_a_name_is_the_article(string query, string listed)
        => Assert.Equal(Words(listed), Words(query));

    [Fact]
    public void A_short_name_with_a_syllable_more_stays_another_name_where_the_listed_name_has_no_article()
        => Assert.True(lists.Score("Rafael Nadal", "Rafa Nadal") < ScreeningIndex.DefaultThreshold, $"{lists.Score("Rafael Nadal", "Rafa Nadal"):0.000}");

    [Theory]
    [InlineData("Ghani Baradar Abdul", "Abdul Ghani Baradar")]
    [InlineData("Wali Seddiqi Abdul", "ABDUL WALI SEDDIQI")]
    public void Abd_written_last_goes_back_before_its_name(string query, string listed)
        => Assert.True(lists.Score(query, listed) >= ScreeningIndex.DefaultThreshold, $"{query} ~ {listed}: {lists.Score(query, listed):0.000}");

    [Fact]
    public void Abd_glued_to_the_word_before_begins_a_word()
    {
        Assert.Equal(Words("Abdul Hai Hazem Abdul Qader"), Words("Abdul Hai Hazemabdul Qader"));
        Assert.Equal(Words("Fitiwi Abdelrazak"), Words("Fitiwiabdelrazak"));
    }

    [Fact]
    public void Abd_with_an_assimilated_article_or_a_mistyped_prefix_is_read_as_Abd()
    {
        Assert.Equal("abdrahman", Words("Abdurrahman"));
        Assert.Equal("abdrahman", Words("Abdurahman"));
        Assert.Equal("abdrahman", Words("Abd al-Rahman"));
        Assert.Equal("abdsalam", Words("Abdussalam"));
        Assert.Equal(Words("Abdulmalik"), Words("Abduulmalik"));
    }

    [Theory]
    [InlineData("qasimal", "qasim", "article joined to the word before")]
    [InlineData("sayyidel", "sayyid", "article joined to the word before")]
    [InlineData("alnuaymi", "nuaymi", "article joined")]
    [InlineData("benromdhane", "romdhane", "ben/bin joined")]
    [InlineData("hajikhairullah", "khairullah", "title joined")]
    public void An_article_ben_or_title_typed_onto_a_word_is_named(string glued, string bare, string how)
    {
        var (similarity, rule) = NameMatcher.TokenSimilarity(new NameToken(glued, 1, false, 1), new NameToken(bare, 1, false, 1));
        Assert.Equal(how, rule);
        Assert.Equal(NameMatcher.GluedSimilarity, similarity);
    }

    [Theory]
    [InlineData("rafael", "rafa")]
    [InlineData("albert", "bert")]
    [InlineData("benjamin", "jamin")]
    public void A_short_name_with_a_syllable_more_is_not_a_glued_article(string a, string b)
        => Assert.NotEqual(NameMatcher.GluedSimilarity, NameMatcher.TokenSimilarity(new NameToken(a, 1, false, 1), new NameToken(b, 1, false, 1)).Similarity);

    [Fact]
    public void A_glued_article_is_named_in_the_rules_of_a_match()
    {
        var found = lists.Index.Search(new ScreeningQuery("Qasimal-Raymi"));
        Assert.Contains(found, m => m.Rules.Contains("qasimal ~ qasim: article joined to the word before"));
    }

    [Theory]
    [InlineData("hocin", "hocine")]
    [InlineData("amr", "amru")]
    public void A_last_e_or_u_dropped_is_a_typing_error(string a, string b)
        => Assert.Equal("letter dropped", Typos.Kind(a, b));

    [Theory]
    [InlineData("salong", "salongo")]
    [InlineData("anshor", "anshori")]
    public void A_last_a_i_or_o_dropped_from_a_long_word_is_a_typing_error(string a, string b)
        => Assert.Equal("letter dropped", Typos.Kind(a, b));

    [Theory]
    [InlineData("karim", "karima")]
    [InlineData("mari", "mario")]
    public void A_last_a_i_or_o_more_is_another_name(string a, string b)
        => Assert.Null(Typos.Kind(a, b));

    [Theory]
    [InlineData("Jose Moren", "Jose MORENO")]
    [InlineData("Kawa Mandr", "Kawa Mandro")]
    [InlineData("Amir Khan Motaq", "AMIR KHAN MOTAQI")]
    public void A_short_word_without_its_last_vowel_that_no_listed_name_has_is_a_typing_error(string query, string listed)
    {
        var first = lists.Index.Search(new ScreeningQuery(query))[0];
        Assert.Equal(listed, first.MatchedName);
        Assert.Contains(first.Rules, r => r.EndsWith(": " + Typos.LastVowelDropped, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Husain Salim", "Husain Salimi")]          // Salim is a name of its own, but every other word is the same
    [InlineData("Ali Mohammed Kon", "Ali Mohammed Kony")]
    public void One_word_a_last_vowel_short_in_a_name_otherwise_written_the_same_is_that_name_mistyped(string query, string listed)
    {
        var first = lists.Index.Search(new ScreeningQuery(query))[0];
        Assert.Equal(listed, first.MatchedName);
        Assert.Contains(first.Rules, r => r.EndsWith("every other word written the same", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Jafar Karim", "Jafari Karima")]     // two words a last vowel short: two other names
    [InlineData("Husein Salim", "Husain Salimi")]    // and another word not written the same
    [InlineData("Salim", "Salimi")]                  // the one word of the name
    public void Words_a_last_vowel_short_that_listed_names_have_stay_other_names_when_the_rest_differs(string query, string listed)
    {
        Assert.True(lists.ScoreAsSearched(query, listed) < ScreeningIndex.DefaultThreshold, $"{query} ~ {listed}: {lists.ScoreAsSearched(query, listed):0.000}");
        Assert.True(lists.Score(query, listed) < ScreeningIndex.DefaultThreshold, $"{query} ~ {listed}: {lists.Score(query, listed):0.000}");
    }

    [Theory]
    [InlineData("Ahmed Umar Sheikh", "Sheikh Ahmed Umar")]
    [InlineData("Mohammed Tuffail Sheik", "Tuffail, Sheik Mohammed")]
    public void Sheikh_written_after_the_name_is_the_title_when_the_rest_of_the_name_matches(string query, string listed)
        => Assert.Equal(listed, lists.Index.Search(new ScreeningQuery(query))[0].MatchedName);

    [Theory]
    [InlineData("al-Shaykh Muhammad", "Muhammad AL-SHAYKH")]
    [InlineData("al-Sheiikh Abdelhay", "al-Sheikh ABDELHAY")]   // mistyped, still the family name
    [InlineData("Saleck Ould Cheij", "Saleck Ould CHEIKH")]      // Spanish spelling, last
    public void A_title_after_the_article_is_a_family_name(string query, string listed)
        => Assert.Equal(listed, lists.Index.Search(new ScreeningQuery(query))[0].MatchedName);

    [Theory]
    [InlineData("Maher a-Assad", "Maher al-Assad")]                 // the article without its l
    [InlineData("Hani e-Sebai", "Hani el-Sebai")]
    [InlineData("Muhammad Ab-al-Karim", "Muhammad Abd-al-Karim")]   // Abd without its d, before the article
    [InlineData("Rafi Ad-al-Latif", "Rafi Abd-al-Latif")]           // without its b
    public void The_article_or_abd_with_a_letter_dropped_before_a_name_reads_as_written_right(string mistyped, string right)
        => Assert.Equal(Words(right), Words(mistyped));

    [Theory]
    [InlineData("Dima-Ali Hasan", "dima ali hasan")]   // a hyphen inside a word
    [InlineData("T'a-ch'o'l Ri", "ta chol ri")]        // a Korean syllable ending in a
    public void A_word_ending_in_a_before_a_hyphen_is_no_article(string name, string words)
        => Assert.Equal(words, Words(name));

    [Fact]
    public void The_korean_syllable_il_is_a_word_not_the_article()
    {
        Assert.Equal("kim il sung", Words("Kim Il Sung"));
        Assert.Equal("chae il ri", Words("Chae-Il RI"));
        Assert.Equal("Chae-Il RI", lists.Index.Search(new ScreeningQuery("Chae-ilri"))[0].MatchedName);   // a join finds it
    }

    [Fact]
    public void Al_hajj_stays_a_title()
        => Assert.Equal("alie ibrahim", Words("Al Hajj Alie Ibrahim"));

    [Fact]
    public void Equal_scores_go_to_the_name_closer_letter_by_letter_then_to_a_good_alias()
    {
        static ScreeningMatch Match(string id, string name, NameKind kind, double score)
            => new(ListSource.UN, id, null, EntryKind.Person, name, name, kind, score, score, []);
        var results = new List<ScreeningMatch>
        {
            Match("1", "Abu Ubaydah", NameKind.Primary, 0.94),
            Match("2", "Abu Obaidah", NameKind.Primary, 0.94),
            Match("3", "Abu Obaidah", NameKind.WeakAlias, 0.94),
            Match("0", "Abu Obaida", NameKind.Primary, 0.90),
        };
        NameMatcher.Rank(results, "Abu Obadiah");
        Assert.Equal(["2", "3", "1", "0"], results.Select(m => m.SourceId));
    }
}
