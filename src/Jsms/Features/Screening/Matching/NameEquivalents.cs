using System.Collections.Frozen;

namespace Jsms.Features.Screening.Matching;

/// <summary>
/// Given names that are the same name in another language or a usual short form of it (Bill and
/// William, Sasha and Aleksandr, Yusuf and Joseph, Mohd and Muhammad). Each written form maps to one
/// group; two words of the same group are read as equivalent names. Spelling variants inside a
/// language (Mohammed, Muhammad) are left to the phonetic comparison: the table holds forms that
/// sound different.
/// </summary>
internal static class NameEquivalents
{
    // One line per name: the forms that name the same person. A form in two lines (Ted: Edward or
    // Theodore) belongs to both groups.
    private static readonly string[] Groups =
    [
        "william bill billy will willy wilhelm guillermo guillaume guglielmo vilgelm",
        "robert bob bobby rob robbie roberto",
        "richard rick ricky dick ricardo riccardo",
        "edward ed eddie ted eduardo edouard",
        "theodore theo ted teddy fyodor fedor feodor teodoro",
        "benjamin ben bibi benny binyamin benyamin",
        "charles charlie chuck carlos karl carl carlo",
        "henry harry hank enrique heinrich henri enrico genrikh",
        "thomas tom tommy tomas tomasz foma",
        "anthony tony antonio anton antoine antonius",
        "james jim jimmy jaime jacques giacomo",
        "jacob jakob jakub yakov yaakov yakub yaqub yacoub yaqoob yakoub",
        "john johnny jack juan jean johann johannes hans giovanni joao jan ivan ioann yahya yehia yahia",
        "joseph joe jose giuseppe josef jozef osip yosef yusuf yousef youssef yusef yousif jusuf",
        "michael mike mikhail misha miguel michel michele mikael mikhael mikail",
        "alexander alex sasha aleksandr aleksander alexandre alejandro alessandro iskander iskandar",
        "peter pete pyotr petr pedro pierre pietro piotr boutros butrus",
        "paul pavel pablo paolo pawel boulos bulus",
        "george georgy georgiy jorge giorgio georges yuri yury yuriy jurgen",
        "nicholas nick nikolai nikolay nicolas nicola niccolo mykola kolya",
        "andrew andy andrei andrey andres andreas andrea andrzej",
        "stephen steven steve stepan esteban stefan stephane etienne",
        "abraham avraham ibrahim ebrahim",
        "solomon shlomo sulaiman suleiman sulayman soliman suleyman",
        "moses moshe musa mousa moussa",
        "jesus isa eesa",
        "david dawood dawud daud davud dovid",
        "jonah yunus younis younes yunis",
        "noah nuh",
        "aaron harun haroun haroon",
        "zachary zakariya zakaria zakariyya zachariah",
        "elijah ilyas elias ilias ilya",
        "ishmael ismail ismael esmail",
        "isaac ishaq ishak itzhak",
        "job ayub ayoub ayyub eyup",
        "mary maria marie maryam miriam mariam",
        "elizabeth liz beth elisabeth isabel elizaveta",
        "catherine katherine kate ekaterina yekaterina katya caterina",
        "dmitry dmitri dima",
        "vladimir volodymyr vova volodya",
        "yevgeny evgeny evgeni eugene zhenya",
        "muhammad mohd muhd md mohamad",
    ];

    private static readonly FrozenDictionary<string, string> ByForm = Build();

    private static FrozenDictionary<string, string> Build()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in Groups)
        {
            var forms = line.Split(' ');
            foreach (var form in forms)
            {
                map[form] = map.TryGetValue(form, out var other) ? other + "|" + forms[0] : forms[0];
            }
        }
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The group of a (folded) given name, or null when the table does not know it.</summary>
    public static string? Canonical(string word) => ByForm.GetValueOrDefault(word);

    /// <summary>True when two groups (as <see cref="Canonical"/> gives them) share a name.</summary>
    public static bool Same(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return false;
        }
        if (a == b)
        {
            return true;
        }
        foreach (var x in a.Split('|'))
        {
            foreach (var y in b.Split('|'))
            {
                if (x == y)
                {
                    return true;
                }
            }
        }
        return false;
    }
}
