using System.Globalization;
using System.Text;

namespace Jsms.IncidentBench;

/// <summary>
/// A generated GTD file with the spread of the real data set: a few countries hold most attacks, bombings and armed
/// assaults dominate, most attacks kill nobody and a few kill many, a third have no named group, some give only the month
/// or no place. The same seed writes the same file.
/// </summary>
internal static class GtdFile
{
    public const int FirstYear = 2016;

    public const int Years = 10;

    private sealed record Country(string Name, double Lat, double Lon, int Weight, string[] Provinces);

    private static readonly Country[] Countries =
    [
        new("Pakistan", 30.0, 69.5, 14, ["Khyber Pakhtunkhwa", "Balochistan", "Sindh", "Punjab", "Islamabad Capital Territory"]),
        new("Afghanistan", 34.0, 66.0, 14, ["Kabul", "Nangarhar", "Helmand", "Kandahar", "Kunduz", "Herat"]),
        new("Iraq", 33.0, 44.0, 12, ["Baghdad", "Nineveh", "Anbar", "Saladin", "Diyala", "Kirkuk"]),
        new("Syria", 35.0, 38.5, 8, ["Aleppo", "Idlib", "Deir ez-Zor", "Raqqa", "Damascus"]),
        new("Nigeria", 10.0, 8.0, 8, ["Borno", "Yobe", "Adamawa", "Zamfara", "Kaduna"]),
        new("Somalia", 4.0, 45.5, 7, ["Banaadir", "Lower Shabelle", "Middle Shabelle", "Gedo", "Bay"]),
        new("India", 23.0, 79.0, 6, ["Jammu and Kashmir", "Chhattisgarh", "Manipur", "Jharkhand", "Assam"]),
        new("Yemen", 15.5, 47.5, 5, ["Aden", "Abyan", "Shabwah", "Al Bayda", "Hadramawt"]),
        new("Philippines", 8.0, 124.5, 4, ["Maguindanao", "Sulu", "Lanao del Sur", "Basilan"]),
        new("Mali", 16.0, -2.0, 4, ["Mopti", "Gao", "Timbuktu", "Kidal", "Menaka"]),
        new("Burkina Faso", 12.5, -1.5, 4, ["Sahel", "Est", "Nord", "Centre-Nord", "Boucle du Mouhoun"]),
        new("Niger", 15.0, 4.0, 2, ["Tillaberi", "Diffa", "Tahoua"]),
        new("Egypt", 30.5, 32.0, 2, ["North Sinai", "Cairo", "Giza"]),
        new("Libya", 30.0, 17.0, 2, ["Tripoli", "Benghazi", "Sirte", "Derna"]),
        new("Colombia", 5.0, -74.0, 2, ["Cauca", "Antioquia", "Norte de Santander", "Narino"]),
        new("Kenya", 0.5, 38.5, 1, ["Mandera", "Garissa", "Lamu", "Nairobi"]),
        new("Mozambique", -12.5, 39.5, 1, ["Cabo Delgado", "Niassa"]),
        new("Cameroon", 6.0, 12.5, 2, ["Far North", "Northwest", "Southwest"]),
        new("Bangladesh", 23.8, 90.3, 1, ["Dhaka", "Chittagong", "Rajshahi"]),
        new("Thailand", 6.5, 101.3, 1, ["Narathiwat", "Pattani", "Yala"]),
    ];

    private static readonly string[] Groups =
    [
        "Taliban", "Tehrik-i-Taliban Pakistan (TTP)", "Islamic State of Iraq and the Levant (ISIL)", "Boko Haram", "Al-Shabaab",
        "Khorasan Chapter of the Islamic State", "Baloch Liberation Army (BLA)", "Jamaat Nusrat al-Islam wal Muslimin (JNIM)",
        "Houthi extremists (Ansar Allah)", "Maoists", "New People's Army (NPA)", "Abu Sayyaf Group (ASG)", "Fulani extremists",
        "National Liberation Army of Colombia (ELN)", "Lashkar-e-Jhangvi",
    ];

    // Attack types 1–9 weighted as in the data set: bombings and armed assaults most of all.
    private static readonly int[] AttackWeights = [6, 30, 45, 1, 2, 8, 5, 1, 2];

    /// <summary>
    /// Writes the file; with <paramref name="correctEvery"/> N, every N-th event (from the first) has one more killed than in the
    /// uncorrected file (its summary says so too), everything else the same: the "corrected file" of a re-import.
    /// </summary>
    public static void Write(string path, int rows, int seed, int correctEvery = 0)
    {
        var random = new Random(seed);
        var culture = CultureInfo.InvariantCulture;
        var countryWeights = Countries.Select(c => c.Weight).ToArray();
        var groupWeights = Groups.Select((_, i) => Groups.Length - i).ToArray();
        var days = new DateOnly(FirstYear + Years, 1, 1).DayNumber - new DateOnly(FirstYear, 1, 1).DayNumber;
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.Write("eventid,iyear,imonth,iday,approxdate,country_txt,provstate,city,latitude,longitude,specificity,success,suicide,");
        writer.WriteLine("attacktype1,attacktype2,weaptype1,targtype1,targtype2,gname,gname2,claimed,nkill,nkillter,nwound,nwoundte,property,ishostkid,summary,dbsource");
        // Sorted by day as the GTD is; the sequence keeps the ids unique.
        var dates = Enumerable.Range(0, rows).Select(_ => DateOnly.FromDayNumber(new DateOnly(FirstYear, 1, 1).DayNumber + random.Next(days))).Order().ToList();
        var line = new StringBuilder(512);
        for (var i = 0; i < rows; i++)
        {
            var day = dates[i];
            var country = Countries[Pick(random, countryWeights)];
            var province = random.Next(100) < 95 ? country.Provinces[random.Next(country.Provinces.Length)] : null;
            var attack = Pick(random, AttackWeights) + 1;
            var suicide = attack == 3 && random.Next(100) < 8;
            var weapon = attack switch { 3 => 6, 2 or 1 => 5, 7 => 8, 8 => 9, _ => 13 };
            var target = random.Next(100) switch { < 30 => 14, < 50 => 3, < 65 => 4, < 75 => 2, < 80 => 15, < 85 => 1, < 90 => 7, _ => random.Next(1, 23) };
            var group = random.Next(100) < 65 ? Groups[Pick(random, groupWeights)] : "Unknown";
            var second = group != "Unknown" && random.Next(100) < 3 ? Groups[random.Next(Groups.Length)] : null;
            // Most attacks kill nobody or few; a long tail kills many.
            var killed = random.Next(100) < 45 ? 0 : (int)Math.Min(300, Math.Floor(-Math.Log(1 - random.NextDouble()) * (suicide ? 12 : 3)) + 1);
            var killedPerpetrators = suicide ? 1 : random.Next(100) < 10 ? random.Next(0, killed + 1) : 0;
            killed = Math.Max(killed, killedPerpetrators);
            var wounded = random.Next(100) < 50 ? 0 : (int)Math.Min(600, Math.Floor(-Math.Log(1 - random.NextDouble()) * (suicide ? 25 : 4)));
            if (correctEvery > 0 && i % correctEvery == 0)
            {
                killed++;
            }
            var monthOnly = random.Next(100) < 3;
            var placed = random.Next(100) < 97;
            line.Clear();
            line.Append(culture, $"{day:yyyyMMdd}{i:D6},{day.Year},{day.Month},{(monthOnly ? 0 : day.Day)},{(!monthOnly && random.Next(100) < 2 ? "\"approx.\"" : "")},");
            line.Append(culture, $"{country.Name},{province},{(placed ? $"{province ?? country.Name} town {random.Next(1, 40)}" : "Unknown")},");
            if (placed)
            {
                line.Append(culture, $"{country.Lat + (random.NextDouble() - 0.5) * 4:0.######},{country.Lon + (random.NextDouble() - 0.5) * 4:0.######},{random.Next(1, 4)},");
            }
            else
            {
                line.Append(",,5,");
            }
            line.Append(culture, $"{(random.Next(100) < 90 ? 1 : 0)},{(suicide ? 1 : 0)},{attack},{(random.Next(100) < 5 ? (attack == 2 ? 3 : 2).ToString(culture) : "")},{weapon},{target},");
            line.Append(culture, $"{(random.Next(100) < 10 ? ((target % 22) + 1).ToString(culture) : "")},\"{group}\",{(second is null ? "" : $"\"{second}\"")},{(group == "Unknown" ? -9 : random.Next(0, 2))},");
            line.Append(culture, $"{killed},{killedPerpetrators},{wounded},0,{(random.Next(100) < 60 ? 1 : -9)},{(attack == 6 ? 1 : 0)},");
            line.Append(culture, $"\"{day:MM/dd/yyyy}: an attack in {province ?? country.Name}, {killed} killed and {wounded} wounded.\",START Primary Collection");
            writer.WriteLine(line);
        }
    }

    private static int Pick(Random random, int[] weights)
    {
        var r = random.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            r -= weights[i];
            if (r < 0)
            {
                return i;
            }
        }
        return weights.Length - 1;
    }
}
