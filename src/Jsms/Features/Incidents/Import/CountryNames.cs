using System.Collections.Frozen;
using System.Globalization;

namespace Jsms.Features.Incidents;

/// <summary>
/// Country names as the data sets write them ("Pakistan", "Democratic Republic of the Congo") to ISO 3166-1 alpha-2 codes:
/// the English names .NET knows for each region, plus the spellings of GTD, ACLED and UCDP that differ from them.
/// States that no longer exist map to their successor's code where there is one.
/// </summary>
internal static class CountryNames
{

    public static string? Code(string name)
    {
        var key = name.Trim();
        if (key.Length == 2 && key.All(char.IsAsciiLetter))
        {
            return key.ToUpperInvariant();
        }
        return Codes.GetValueOrDefault(key);
    }

    private static FrozenDictionary<string, string> Build()
    {
        var codes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var culture in CultureInfo.GetCultures(CultureTypes.SpecificCultures))
        {
            RegionInfo region;
            try
            {
                region = new RegionInfo(culture.Name);
            }
            catch (ArgumentException)
            {
                continue;
            }
            if (region.TwoLetterISORegionName.Length == 2 && region.TwoLetterISORegionName.All(char.IsAsciiLetter))
            {
                codes.TryAdd(region.EnglishName, region.TwoLetterISORegionName);
            }
        }
        foreach (var (name, code) in Aliases)
        {
            codes[name] = code;
        }
        return codes.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private static readonly (string Name, string Code)[] Aliases =
    [
        ("Afghanistan", "AF"), ("Pakistan", "PK"), ("India", "IN"), ("China", "CN"), ("Russia", "RU"), ("Russia (Soviet Union)", "RU"),
        ("Soviet Union", "RU"), ("Iran", "IR"), ("Syria", "SY"), ("Iraq", "IQ"), ("Yemen", "YE"), ("Yemen (North Yemen)", "YE"),
        ("South Yemen", "YE"), ("North Yemen", "YE"), ("United States", "US"), ("United Kingdom", "GB"), ("South Korea", "KR"),
        ("North Korea", "KP"), ("Democratic Republic of the Congo", "CD"), ("DR Congo (Zaire)", "CD"), ("Zaire", "CD"),
        ("Republic of the Congo", "CG"), ("Congo", "CG"), ("People's Republic of the Congo", "CG"), ("Ivory Coast", "CI"),
        ("Cote d'Ivoire", "CI"), ("Côte d'Ivoire", "CI"), ("West Bank and Gaza Strip", "PS"), ("Palestine", "PS"),
        ("Myanmar", "MM"), ("Myanmar (Burma)", "MM"), ("Burma", "MM"), ("Laos", "LA"), ("Vietnam", "VN"), ("South Vietnam", "VN"),
        ("Taiwan", "TW"), ("Czech Republic", "CZ"), ("Czechia", "CZ"), ("Czechoslovakia", "CZ"), ("Kosovo", "XK"),
        ("Bosnia-Herzegovina", "BA"), ("Bosnia and Herzegovina", "BA"), ("Macedonia", "MK"), ("North Macedonia", "MK"),
        ("East Timor", "TL"), ("Timor-Leste", "TL"), ("Swaziland", "SZ"), ("eSwatini", "SZ"), ("Eswatini", "SZ"),
        ("West Germany (FRG)", "DE"), ("East Germany (GDR)", "DE"), ("Yugoslavia", "RS"), ("Serbia-Montenegro", "RS"),
        ("Serbia (Yugoslavia)", "RS"), ("Rhodesia", "ZW"), ("Zimbabwe (Rhodesia)", "ZW"), ("Cambodia (Kampuchea)", "KH"),
        ("Kampuchea", "KH"), ("Madagascar (Malagasy)", "MG"), ("Turkey", "TR"), ("Türkiye", "TR"), ("Bahamas", "BS"),
        ("Gambia", "GM"), ("Cape Verde", "CV"), ("Vatican City", "VA"), ("Hong Kong", "HK"), ("Macau", "MO"),
        ("Western Sahara", "EH"), ("Falkland Islands", "FK"), ("Brunei", "BN"), ("Moldova", "MD"), ("Bolivia", "BO"),
        ("Venezuela", "VE"), ("Tanzania", "TZ"), ("Micronesia", "FM"), ("South Sudan", "SS"), ("Sudan", "SD"),
        ("Slovak Republic", "SK"), ("International", "XX"),
    ];

    // After the aliases: static fields are initialised in the order they are written.
    private static readonly FrozenDictionary<string, string> Codes = Build();
}
