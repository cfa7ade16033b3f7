using Jsms.Features.Screening.Lists;
using Jsms.Features.Screening.Matching;

namespace Jsms.Tests.Screening;

/// <summary>The index over the real UN and OFAC lists, built once for the matcher tests (word frequencies need real lists).</summary>
/// <summary>The guards against false positives: different names that look alike stay under the threshold, transliterations do not.</summary>
public sealed class NameMatcherTests(RealListIndex lists) : IClassFixture<RealListIndex>
{
    [Theory]
    [InlineData("Salma Saleh", "Salim Saleh")]          // a vowel in another place: another name
    [InlineData("Samir Nassar", "Samir Qassar")]        // another first letter: another family name
    [InlineData("Yang Wei", "Hsueh Ying Wei")]          // short syllables need their own vowels
    [InlineData("Hamdan Karimi", "Hassan Karimi")]      // different consonants
    public void Different_names_that_look_alike_stay_under_the_default_threshold(string query, string listed)
        => Assert.True(lists.Score(query, listed) < ScreeningIndex.DefaultThreshold, $"{query} ~ {listed}: {lists.Score(query, listed):0.000}");

    [Theory]
    [InlineData("Hasan Sahin", "Huseyin Sahin")]                // Hasan and Huseyin: the same consonants, two names
    [InlineData("Egor Alekseev", "Igor Borisovich Alisov")]     // near namesakes spelled far apart
    [InlineData("Guillaume Andre", "Andre Kalume")]
    public void Near_namesakes_with_the_same_consonants_do_not_match(string query, string listed)
        => Assert.True(lists.Score(query, listed) < ScreeningIndex.DefaultThreshold, $"{query} ~ {listed}: {lists.Score(query, listed):0.000}");

    [Theory]
    [InlineData("Huseyin Ali", "Hossein Ali")]                  // the same name by Turkish and Persian spelling
    [InlineData("Mohammed Suleiman", "Muhammad Sulayman")]
    public void Words_that_sound_alike_and_are_spelled_close_still_match(string query, string listed)
        => Assert.True(lists.Score(query, listed) >= ScreeningIndex.DefaultThreshold, $"{query} ~ {listed}: {lists.Score(query, listed):0.000}");

    [Theory]
    [InlineData("Tscho Jong Tschol", "German")]    // Cho Yong Chol: syllables too short for the word rules
    [InlineData("Ko Çol Man", "Turkish")]          // Ko Chol Man
    public void A_name_written_wholly_by_German_or_Turkish_conventions_is_read_back_the_lists_way(string query, string convention)
    {
        var first = lists.Index.Search(new ScreeningQuery(query)).FirstOrDefault();
        Assert.NotNull(first);
        Assert.Contains(first.Rules, r => r.StartsWith($"read by {convention} conventions", StringComparison.Ordinal));
    }

    [Fact]
    public void A_name_without_letters_of_another_convention_is_read_only_as_written()
    {
        Assert.Null(SpellingReadings.AsListed("Jong Chol"));
        Assert.Equal("jo yong chol", SpellingReadings.AsListed("Dscho Jong Tschol")?.Name);
    }

    // As a search reads them: "Sergei Lavrov" scored 0.77 so, while the name-pairs way (common names from a fixed list) gave 0.80.
    [Theory]
    [InlineData("Tarek Aziz", "Tariq Aziz")]
    [InlineData("Youssef Qasem", "Yusuf Qassim")]
    [InlineData("Sergei Lavrov", "Sergey Viktorovich Lavrov")]    // the patronymic left out
    [InlineData("Sergejs Lavrovs", "Sergey Viktorovich Lavrov")]
    [InlineData("Mohamed Abdelrahman", "Muhammad Abd al-Rahman")]
    public void Transliterations_of_the_same_name_match(string query, string listed)
        => Assert.True(lists.ScoreAsSearched(query, listed) >= ScreeningIndex.DefaultThreshold, $"{query} ~ {listed}: {lists.ScoreAsSearched(query, listed):0.000}");

    [Fact]
    public void A_given_name_and_patronymic_without_the_surname_stay_a_partial_name()
        => Assert.True(lists.ScoreAsSearched("Sergei Viktorovich", "Sergey Viktorovich Lavrov") < ScreeningIndex.DefaultThreshold);

    [Fact]
    public void The_shape_keeps_the_vowel_places_the_key_drops()
    {
        Assert.Equal(NameText.Key("Tarek".ToLowerInvariant()), NameText.Key("turki"));
        Assert.Equal(NameText.Shape("tarek"), NameText.Shape("tariq"));
        Assert.NotEqual(NameText.Shape("tarek"), NameText.Shape("turki"));
        Assert.Equal(NameText.Shape("mohammed"), NameText.Shape("muhammad"));
    }

    [Fact]
    public void Common_words_weigh_less_than_rare_ones()
    {
        var stats = lists.Index.Statistics;
        Assert.True(stats.Informativeness(NameText.Key("mohammed")) < 0.6f);
        Assert.Equal(1f, stats.Informativeness(NameText.Key("zarkari")));
    }

    [Theory]
    [InlineData("Salma Saleh")]
    [InlineData("Samir Nassar")]
    [InlineData("Yang Wei")]
    public void A_person_who_is_not_listed_gets_no_match_over_both_lists(string name)
        => Assert.Empty(lists.Index.Search(new ScreeningQuery(name, Type: EntryKind.Person)));
}

/// <summary>Organisation names are compared with their own, more lenient settings; persons gain name equivalents and short forms.</summary>
public sealed class EntityAndEquivalentMatchingTests(RealListIndex lists) : IClassFixture<RealListIndex>
{
    [Theory]
    [InlineData("Appel Inc.", "Apple Inc.")]                                  // a typo in the one distinctive word
    [InlineData("U.S. Department of State", "United States Department of State")] // an acronym
    [InlineData("Brigade Forty-Four", "Brigade 44")]                          // numbers written out
    [InlineData("1st International Bank", "First International Bank")]
    [InlineData("vanderbilt corp", "van der bilt corp")]                      // words written together
    [InlineData("Deutsche Bank (Schweiz) AG", "Deutsche Bank AG")]            // a place qualifying a branch
    public void Organisation_variants_match(string query, string listed)
        => Assert.True(lists.Score(query, listed, NameSchema.Entity) >= ScreeningIndex.DefaultThreshold, $"{query} ~ {listed}: {lists.Score(query, listed, NameSchema.Entity):0.000}");

    [Theory]
    [InlineData("Yusuf Haddad", "Joseph Haddad")]                             // the same given name in two languages
    [InlineData("Boris Johnson", "Alexandre Boris de Pfeffel Johnson")]       // a short form written the same
    public void Equivalent_given_names_and_short_forms_match(string query, string listed)
        => Assert.True(lists.Score(query, listed, NameSchema.Person) >= ScreeningIndex.DefaultThreshold, $"{query} ~ {listed}: {lists.Score(query, listed, NameSchema.Person):0.000}");

    [Theory]
    [InlineData("Bilal Sheikh", "Bilal")]                                     // one shared given name is not a short form
    [InlineData("Yusuf Haddad", "Joseph Khoury")]                             // an equivalent given name alone says little
    public void Persons_stay_strict(string query, string listed)
        => Assert.True(lists.Score(query, listed, NameSchema.Person) < ScreeningIndex.DefaultThreshold, $"{query} ~ {listed}: {lists.Score(query, listed, NameSchema.Person):0.000}");
}

/// <summary>Name knowledge: romanisation conventions, Abd- forms, list order, nicknames in two groups (docs/decisions/0006-screening.md).</summary>
public sealed class RomanisationVariantTests(RealListIndex lists) : IClassFixture<RealListIndex>
{
    [Theory]
    [InlineData("Mahmood Ahmadinezhad", "Mahmoud Ahmadinejad")]   // oo/ou, zh/j
    [InlineData("Sergejs Lavrovs", "Sergey Viktorovich Lavrov")]   // Latvian nominative -s
    [InlineData("Hasan Rohani", "Hassan Rouhani")]                 // doubled letters, ou; common words, all matched
    [InlineData("Wolodymyr Selenskyj", "Volodymyr Zelenskyy")]     // German w, -yj/-yy
    [InlineData("DIN MOHAMMAD ABDUL HANIF", "DIN MOHAMMAD HANIF")] // Abd al-Hanif called Hanif
    [InlineData("Ted Doe", "Theodore Doe")]                        // Ted for Theodore (and Edward)
    [InlineData("AL BEN ALI, Isa Ben Tarif", "Shaikh Isa Bin Tarif Al Bin Ali")] // SURNAME, Given
    public void Romanisation_variants_and_name_forms_match(string query, string listed)
        => Assert.True(lists.Score(query, listed) >= ScreeningIndex.DefaultThreshold, $"{query} ~ {listed}: {lists.Score(query, listed):0.000}");

    [Theory]
    [InlineData("ATIQULLAH ABDUL MOHAMMAD", "ATIQULLAH WALI MOHAMMAD")] // Abd- of a common name is a name of its own
    [InlineData("AHMAD BIN HASAN AL-UBAIDI", "HASAN BIN AHMAD AL-UBAIDI")] // father and son
    [InlineData("Sun Min", "Son Min")]                                   // near syllables stay weak even when all words pair
    [InlineData("Ted Doe", "Edwin Doe")]
    public void Near_names_stay_under_the_threshold(string query, string listed)
        => Assert.True(lists.Score(query, listed) < ScreeningIndex.DefaultThreshold, $"{query} ~ {listed}: {lists.Score(query, listed):0.000}");

    [Theory]
    [InlineData("ben Khamis ben Saleh Elsseid Sami", "Sami ben Khamis ben Saleh Elsseid")]
    [InlineData("Allah ben Hocine Seif", "Seif Allah ben Hocine")]
    [InlineData("Mehrez ben Tah Amdouni", "Amdouni Mehrez ben Tah")]
    public void A_name_with_its_first_words_written_last_keeps_its_generations(string query, string listed)
        => Assert.True(lists.Score(query, listed) >= ScreeningIndex.DefaultThreshold, $"{query} ~ {listed}: {lists.Score(query, listed):0.000}");

    [Fact]
    public void Father_and_son_swapped_across_bin_stay_apart()
        => Assert.True(lists.Score("Hasan bin Ahmad", "Ahmad bin Hasan") < ScreeningIndex.DefaultThreshold, $"{lists.Score("Hasan bin Ahmad", "Ahmad bin Hasan"):0.000}");

    [Theory]
    [InlineData("Mun Chong-vhol", "Mun Chong-Chol")]          // a neighbouring key
    [InlineData("Reza-hgoli Esmaeli", "Reza-Gholi Esmaeli")]  // two letters swapped
    public void A_typo_in_the_first_letter_of_a_hyphenated_names_second_half_is_one_typing_error(string query, string listed)
        => Assert.True(lists.Score(query, listed) >= ScreeningIndex.DefaultThreshold, $"{query} ~ {listed}: {lists.Score(query, listed):0.000}");

    [Theory]
    [InlineData("mahmood", "mahmoud")]
    [InlineData("lavrovs", "lavrov")]
    [InlineData("sergej", "sergey")]
    [InlineData("zelenskyy", "zelenskij")]
    [InlineData("ahmadinezhad", "ahmadinejad")]
    public void Skeletons_level_romanisation_systems(string a, string b)
        => Assert.Equal(NameText.Skeleton(a), NameText.Skeleton(b));

    [Theory]
    [InlineData("abbas", "abba")]   // a vowel before the final s: no Baltic ending
    [InlineData("tarek", "tarik")]  // vowels are kept: the phonetic comparison judges them
    public void Skeletons_keep_what_distinguishes_names(string a, string b)
        => Assert.NotEqual(NameText.Skeleton(a), NameText.Skeleton(b));
}
