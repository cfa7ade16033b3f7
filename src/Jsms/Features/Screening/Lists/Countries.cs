using System.Collections.Frozen;
using System.Globalization;
using Jsms.Features.Screening.Matching;

namespace Jsms.Features.Screening.Lists;

/// <summary>Country names as lists write them, to ISO 3166 alpha-2 codes (from .NET's region data plus the UN's and OFAC's own spellings).</summary>
internal static class Countries
{
    private static readonly FrozenDictionary<string, string> ByName = Build();

    /// <summary>The ISO alpha-2 code (upper case) of a country name or code, or null when unknown.</summary>
    public static string? ToIso2(string? nameOrCode)
    {
        if (string.IsNullOrWhiteSpace(nameOrCode))
        {
            return null;
        }
        var text = nameOrCode.Trim();
        if (text.Length == 2 && char.IsLetter(text[0]) && char.IsLetter(text[1]))
        {
            return text.ToUpperInvariant();
        }
        return ByName.TryGetValue(NameText.Fold(text), out var code) ? code : null;
    }

    private static FrozenDictionary<string, string> Build()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var culture in CultureInfo.GetCultures(CultureTypes.SpecificCultures))
        {
            try
            {
                var region = new RegionInfo(culture.Name);
                if (region.TwoLetterISORegionName.Length == 2)
                {
                    map.TryAdd(NameText.Fold(region.EnglishName), region.TwoLetterISORegionName);
                    map.TryAdd(NameText.Fold(region.ThreeLetterISORegionName), region.TwoLetterISORegionName);
                }
            }
            catch (ArgumentException)
            {
                // A culture without a region: nothing to add.
            }
        }
        string[] extra =
        [
            "AF=Afghanistan", "IR=Iran (Islamic Republic of)", "IR=Iran", "SY=Syrian Arab Republic", "SY=Syria", "RU=Russian Federation",
            "RU=Russia", "KP=Democratic People's Republic of Korea", "KP=North Korea", "KP=Korea, North", "KR=Republic of Korea",
            "KR=Korea, South", "TZ=United Republic of Tanzania", "VN=Viet Nam", "LY=Libya", "LY=Libyan Arab Jamahiriya", "CD=Democratic Republic of the Congo",
            "CD=Congo, Democratic Republic of the", "CG=Congo", "CG=Republic of the Congo", "BO=Bolivia (Plurinational State of)", "VE=Venezuela (Bolivarian Republic of)",
            "VE=Venezuela", "MD=Republic of Moldova", "LA=Lao People's Democratic Republic", "PS=State of Palestine", "PS=Palestinian",
            "PS=West Bank", "PS=Gaza", "GB=United Kingdom of Great Britain and Northern Ireland", "GB=United Kingdom", "US=United States of America",
            "US=United States", "TR=Turkey", "TR=Turkiye", "TR=Türkiye", "CI=Cote d'Ivoire", "CI=Côte d'Ivoire", "MK=North Macedonia",
            "MM=Myanmar", "MM=Burma", "CV=Cabo Verde", "SZ=Eswatini", "CZ=Czechia", "CZ=Czech Republic", "BN=Brunei Darussalam",
            "IQ=Iraq", "YE=Yemen", "SO=Somalia", "SD=Sudan", "SS=South Sudan", "KW=Kuwait", "SA=Saudi Arabia", "PK=Pakistan",
            "EG=Egypt", "TN=Tunisia", "DZ=Algeria", "MA=Morocco", "JO=Jordan", "LB=Lebanon", "QA=Qatar", "BH=Bahrain", "OM=Oman",
            "AE=United Arab Emirates", "IN=India", "BD=Bangladesh", "ID=Indonesia", "MY=Malaysia", "PH=Philippines", "CN=China",
            "HT=Haiti", "ML=Mali", "NE=Niger", "NG=Nigeria", "CF=Central African Republic", "TD=Chad", "KE=Kenya", "ET=Ethiopia",
            "ER=Eritrea", "UG=Uganda", "RW=Rwanda", "BI=Burundi", "MR=Mauritania", "TJ=Tajikistan", "UZ=Uzbekistan", "KZ=Kazakhstan",
            "KG=Kyrgyzstan", "TM=Turkmenistan", "AZ=Azerbaijan", "GE=Georgia", "AM=Armenia", "UA=Ukraine", "BY=Belarus", "CU=Cuba",
            "MX=Mexico", "CO=Colombia", "NI=Nicaragua", "PA=Panama", "DE=Germany", "FR=France", "BE=Belgium", "NL=Netherlands",
            "ES=Spain", "IT=Italy", "SE=Sweden", "DK=Denmark", "NO=Norway", "FI=Finland", "CH=Switzerland", "AT=Austria",
            "AU=Australia", "CA=Canada", "TT=Trinidad and Tobago", "BA=Bosnia and Herzegovina", "XK=Kosovo", "AL=Albania",
        ];
        foreach (var pair in extra)
        {
            map[NameText.Fold(pair[3..])] = pair[..2];
        }
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
