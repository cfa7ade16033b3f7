namespace Jsms.Features.Incidents;

/// <summary>
/// The UCDP Georeferenced Event Dataset's CSV (its 49 columns). The dates are a range (<c>date_start</c>–<c>date_end</c>)
/// whose precision <c>date_prec</c> says: 1 the day, 2–3 a week (Week), 4 a month (Month), 5 a year (Year); the range is kept.
/// <c>where_prec</c> 1 is the exact place, 2 within 25 km of it (Near), 3 the district (Admin2), 4 the province (Admin1),
/// 5 a part of a country larger than a district (Admin1), 6–7 the country or beyond (Country). Deaths are split as UCDP
/// splits them: civilians and unknown as such; in state-based conflict (type 1) side A is a government (security forces)
/// and side B the armed group (counted as perpetrators), in non-state conflict (2) both sides are armed groups, and in
/// one-sided violence (3) side A is the perpetrator. UCDP's low and high estimates apply to the total: they are kept on
/// the class when one class holds every death, and always in the source record's name. GED types of violence are not GTD
/// attack types: they are kept as UCDP's label in the source record.
/// </summary>
internal sealed class UcdpFormat : IncidentFileFormat
{
    public static UcdpFormat Instance { get; } = new();

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.fff", "dd/MM/yyyy"];

    private static readonly string[] Violence = ["", "state-based conflict", "non-state conflict", "one-sided violence"];

    public override SourceFormat Format => SourceFormat.Ucdp;

    public override string Name => "UCDP GED";

    public override IReadOnlyList<string> RequiredColumns { get; } = ["id", "type_of_violence", "date_start", "date_end", "country", "best"];

    public override IReadOnlyDictionary<string, string> Mapping { get; } = new Dictionary<string, string>
    {
        ["id"] = "source event id", ["type_of_violence"] = "source type label", ["conflict_name"] = "title", ["dyad_name"] = "title",
        ["side_a"] = "perpetrators", ["side_b"] = "perpetrators (conflicts between armed groups)", ["source_headline"] = "source name",
        ["source_office"] = "source name", ["source_date"] = "source publishedOn", ["where_prec"] = "placePrecision",
        ["where_description"] = "locationName", ["adm_1"] = "admin1", ["adm_2"] = "admin2", ["latitude"] = "latitude",
        ["longitude"] = "longitude", ["country"] = "country", ["date_prec"] = "datePrecision", ["date_start"] = "occurredOn",
        ["date_end"] = "occurredUntil", ["deaths_a"] = "killed (side A)", ["deaths_b"] = "killed (side B)",
        ["deaths_civilians"] = "killed (Civilians)", ["deaths_unknown"] = "killed (Unknown)", ["best"] = "killed (total, checked)",
        ["low"] = "killed low", ["high"] = "killed high",
    };

    public override ImportedEvent? Map(ImportRow row, DateOnly today)
    {
        var id = row.Required("id", IncidentLimits.SourceEventId);
        var type = row.Int("type_of_violence", 1, 3, required: true);
        var start = NotFuture(row, "date_start", row.Date("date_start", DateFormats, required: true), today);
        var end = NotFuture(row, "date_end", row.Date("date_end", DateFormats, required: true), today);
        if (start is { } s && end is { } e && e < s)
        {
            row.Fail("date_end", $"{e:yyyy-MM-dd} is before date_start");
        }
        var datePrecision = row.Int("date_prec", 1, 5);
        var wherePrecision = row.Int("where_prec", 1, 7);
        var country = Country(row, "country");
        var (lat, lon) = Point(row);
        var sideA = row.Text("side_a", IncidentLimits.GroupName);
        var sideB = row.Text("side_b", IncidentLimits.GroupName);
        var deathsA = row.Int("deaths_a", 0, IncidentInput.MaxFigure) ?? 0;
        var deathsB = row.Int("deaths_b", 0, IncidentInput.MaxFigure) ?? 0;
        var civilians = row.Int("deaths_civilians", 0, IncidentInput.MaxFigure) ?? 0;
        var unknown = row.Int("deaths_unknown", 0, IncidentInput.MaxFigure) ?? 0;
        var best = row.Int("best", 0, IncidentInput.MaxFigure, required: true);
        var low = row.Int("low", 0, IncidentInput.MaxFigure);
        var high = row.Int("high", 0, IncidentInput.MaxFigure);
        if (best is { } b && row.ErrorCount == 0)
        {
            if (deathsA + deathsB + civilians + unknown != b)
            {
                row.Fail("best", $"{b} is not the sum of deaths_a, deaths_b, deaths_civilians and deaths_unknown ({deathsA + deathsB + civilians + unknown})");
            }
            if (low > b)
            {
                row.Fail("low", $"{low} exceeds best ({b})");
            }
            if (high < b)
            {
                row.Fail("high", $"{high} is below best ({b})");
            }
        }
        var place = row.Text("where_description", IncidentLimits.PlaceName);
        var admin1 = row.Text("adm_1", IncidentLimits.PlaceName);
        var admin2 = row.Text("adm_2", IncidentLimits.PlaceName);
        var dyad = row.Text("dyad_name") ?? row.Text("conflict_name");
        var headline = row.Text("source_headline");
        var office = row.Text("source_office");
        // source_date may list several dates (one per article); the first is the source's.
        var firstDate = row.Text("source_date")?.Split(';')[0].Trim();
        DateOnly? published = firstDate is { Length: >= 10 } && DateOnly.TryParseExact(firstDate[..10], "yyyy-MM-dd",
            System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var p) && p <= today ? p : null;
        if (row.ErrorCount > 0 || id is null || type is not { } violence || start is not { } from || end is not { } until || country is null || best is not { } total)
        {
            return null;
        }

        var precision = datePrecision switch { 2 or 3 => DatePrecision.Week, 4 => DatePrecision.Month, 5 => DatePrecision.Year, _ => DatePrecision.Day };
        var groups = new List<PerpetratorInput>();
        void Group(string? name)
        {
            if (name is not null && !groups.Any(g => string.Equals(g.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                groups.Add(new PerpetratorInput(name, ClaimStatus.Unknown, null, null));
            }
        }
        var classes = new Dictionary<VictimClass, int>();
        void Count(VictimClass victims, int killed)
        {
            if (killed > 0)
            {
                classes[victims] = classes.GetValueOrDefault(victims) + killed;
            }
        }
        switch (violence)
        {
            case 1:
                Group(sideB);
                Count(VictimClass.SecurityForces, deathsA);
                Count(VictimClass.Perpetrators, deathsB);
                break;
            case 2:
                Group(sideA);
                Group(sideB);
                Count(VictimClass.Perpetrators, deathsA + deathsB);
                break;
            default:
                Group(sideA);
                Count(VictimClass.Perpetrators, deathsA);
                Count(VictimClass.Civilians, deathsB);
                break;
        }
        Count(VictimClass.Civilians, civilians);
        Count(VictimClass.Unknown, unknown);
        var single = classes.Count == 1;
        var casualties = classes.Select(c => new CasualtyInput(c.Key, single ? low : null, c.Value, single ? high : null, null, 0, null)).ToArray();
        var reported = headline ?? office;
        var label = $"UCDP GED {id}: {Violence[violence]}" + (low is null && high is null ? "" : $" (deaths low {low ?? total}, best {total}, high {high ?? total})");
        var sourceName = Clip(label + (reported is null ? "" : $"; {reported}"), IncidentLimits.SourceName);
        var title = Clip($"{dyad ?? Violence[violence]}" + (place is null ? "" : $": {place}"), IncidentLimits.Title);
        var request = new IncidentRequest(title, null, from, until > from ? until : null, precision, null, lat, lon, country, admin1, admin2, place,
            wherePrecision switch
            {
                1 => PlacePrecision.Exact, 2 => PlacePrecision.Near, 3 => PlacePrecision.Admin2, 4 or 5 => PlacePrecision.Admin1,
                6 or 7 => PlacePrecision.Country, _ => null,
            },
            [], [], [], null, null, null, null, [.. groups], casualties,
            [new SourceInput(sourceName, null, published, SourceFormat.Ucdp, id, total, null)], null, null, null, null, null, null, null);
        return new ImportedEvent(row.Line, id, request);
    }
}
