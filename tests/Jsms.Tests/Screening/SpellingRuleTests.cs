using Jsms.Features.Screening.Lists;
using Jsms.Features.Screening.Matching;

namespace Jsms.Tests.Screening;

/// <summary>The rules that make two spellings one name, and the reading of names in Chinese characters and Japanese kanji.</summary>
public sealed class SpellingRuleTests(RealListIndex lists) : IClassFixture<RealListIndex>
{
    [Theory]
    [InlineData("usman", "uthman", "th ~ s, French/Persian/Turkish convention")]
    [InlineData("uthman", "utman", "th ~ t, English convention")]
    [InlineData("schamil", "shamil", "sch ~ sh, German convention")]
    [InlineData("chamil", "shamil", "ch ~ sh, French/Spanish convention")]
    [InlineData("djamal", "jamal", "dj ~ j, French/Portuguese convention")]
    [InlineData("dschamal", "jamal", "dsch ~ j, German convention")]
    [InlineData("chalid", "khalid", "ch ~ kh, German convention")]
    [InlineData("jalid", "khalid", "kh ~ j, Spanish convention")]
    [InlineData("youssouf", "yusuf", "ou ~ u, French convention")]
    [InlineData("valid", "walid", "v ~ w, German/Turkish convention")]
    [InlineData("gulam", "ghulam", "gh ~ g, English convention")]
    [InlineData("hasan", "hassan", "doubled letter written once")]
    [InlineData("konj", "kony", "j ~ y, Spanish/German convention")] // y inside a short word: German writes j
    public void Other_languages_conventions_make_two_spellings_one_name_and_say_which(string a, string b, string rule)
    {
        var how = SpellingConventions.Equivalence(a, b);
        Assert.NotNull(how);
        Assert.Contains(rule, how, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("salma", "salim")]
    [InlineData("jang", "yang")] // Korean syllables: j and y are two names
    [InlineData("jing", "hing")] // a plain h is not the kh that Spanish writes j
    [InlineData("tarek", "turki")]
    public void Different_names_are_not_made_equivalent(string a, string b)
        => Assert.Null(SpellingConventions.Equivalence(a, b));

    [Theory]
    [InlineData("adbul", "abdul", "adjacent transposition")]
    [InlineData("koyn", "kony", "adjacent transposition")]
    [InlineData("mamdro", "mandro", "neighbouring key")]
    [InlineData("mahood", "mahmood", "letter dropped")]
    [InlineData("koony", "kony", "letter typed twice")]
    public void One_typing_error_is_named(string a, string b, string kind)
        => Assert.Equal(kind, Typos.Kind(a, b));

    [Theory]
    [InlineData("nassar", "qassar")] // the first letter differs: another name
    [InlineData("jafar", "jafari")] // a last vowel more: another name
    [InlineData("karim", "salim")]
    public void Different_names_are_not_typing_errors(string a, string b)
        => Assert.Null(Typos.Kind(a, b));

    [Theory]
    [InlineData("佐藤さくら", true)] // kana
    [InlineData("鈴木健太", true)] // known family name
    [InlineData("渡辺翔太", true)]
    [InlineData("小林恵子", true)]
    [InlineData("王伟", false)]
    [InlineData("张建华", false)]
    [InlineData("Wang Wei", false)]
    public void Japanese_names_are_told_from_Chinese(string name, bool japanese)
        => Assert.Equal(japanese, JapaneseNames.IsJapanese(name));

    [Fact]
    public void Japanese_kanji_are_not_read_as_Mandarin_syllables()
    {
        Assert.Equal("", NameText.Fold("松本恵子"));
        Assert.Equal("wang wei", NameText.Fold("王伟"));
    }

    [Theory]
    [InlineData("Cho Ch’o’l-so’ng", "cho chol song")]   // typographic apostrophes, as the UN list writes the Korean aspirate
    [InlineData("Cho Ch'o'l-so'ng", "cho chol song")]
    [InlineData("Adib Sha’ban", "adib shaban")]          // the ayn
    [InlineData("‘Abdullah’", "abdullah")]
    public void Apostrophes_of_every_kind_join_the_letters_around_them(string name, string folded)
        => Assert.Equal(folded, NameText.Fold(name));

    [Fact]
    public void A_name_in_Chinese_characters_needs_more_than_one_shared_syllable()
    {
        Assert.True(lists.Score("王强", "Guoying WANG") < 0.8);
        Assert.True(lists.Score("王强", "Wang Qiang") >= 0.8);
    }

    [Theory]
    [InlineData("佐藤健太")]
    [InlineData("井上翔太")]
    [InlineData("刘丽")]
    [InlineData("Dong Gang")]
    public void Names_of_people_not_listed_do_not_match_an_organisation_on_part_of_its_name(string name)
    {
        var found = lists.Index.Search(new ScreeningQuery(name));
        Assert.DoesNotContain(found, m => m.Kind != EntryKind.Person);
    }

    [Theory]
    [InlineData("Kawa Pnaga Mandro", "adjacent transposition")]
    [InlineData("Omar Mahmoud Usman", "th ~ s")]
    public void A_match_names_the_rule_in_its_rules(string query, string rule)
    {
        var found = lists.Index.Search(new ScreeningQuery(query));
        Assert.Contains(found, m => m.Rules.Any(r => r.Contains(rule, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("Cheij Ahmed Umar", "ahmed umar")] // Sheikh as Spanish writes it
    [InlineData("Xeic Hasan Turki", "hasan turki")] // and Portuguese
    [InlineData("Mulah Krekar", "krekar")]
    [InlineData("Kim Hyok Col", "kim hyok col")] // Col last is the Turkish writing of the Korean Chol, not a title
    [InlineData("Absul Karim", "abdkarim")] // Abdul with a typing error still joins its name
    [InlineData("Abd All-Rahman", "abdrahman")] // al- typed twice
    public void Titles_articles_and_Abd_are_read_in_other_spellings_and_with_typos(string name, string words)
        => Assert.Equal(words, string.Join(" ", new PreparedName(name, NameSchema.Person).Tokens.Select(t => t.Text)));
}
