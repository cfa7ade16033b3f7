namespace Jsms.Features.Incidents;

/// <summary>
/// The Global Terrorism Database's CSV layout (its codebook's column names). The codes are the register's own (attack,
/// weapon and target types, specificity as <see cref="PlacePrecision"/>), so they carry over unchanged. A day of 0 means only
/// the month is known, a month of 0 only the year; an <c>approxdate</c> beside a day makes the date approximate (a week).
/// The killed and wounded split into the perpetrators (<c>nkillter</c>, <c>nwoundte</c>) and the rest, whose class the
/// GTD does not give (Unknown). "Unknown" as a group name means none was identified: no perpetrator is recorded.
/// </summary>
internal sealed class GtdFormat : IncidentFileFormat
{
    public static GtdFormat Instance { get; } = new();

    private static readonly string[] ClaimModes =
    [
        "", "Letter", "Call (pre-incident)", "Call (post-incident)", "E-mail", "Note left at scene", "Video", "Posted to website, blog, etc.",
        "Personal claim", "Other", "Unknown",
    ];

    public override SourceFormat Format => SourceFormat.Gtd;

    public override string Name => "GTD";

    public override IReadOnlyList<string> RequiredColumns { get; } = ["eventid", "iyear", "imonth", "iday", "country_txt"];

    public override IReadOnlyDictionary<string, string> Mapping { get; } = new Dictionary<string, string>
    {
        ["eventid"] = "source event id", ["iyear"] = "occurredOn (year)", ["imonth"] = "occurredOn (month; 0: year precision)",
        ["iday"] = "occurredOn (day; 0: month precision)", ["approxdate"] = "datePrecision Week when given", ["country_txt"] = "country",
        ["provstate"] = "admin1", ["city"] = "locationName", ["latitude"] = "latitude", ["longitude"] = "longitude",
        ["specificity"] = "placePrecision", ["summary"] = "summary", ["success"] = "success", ["suicide"] = "suicide",
        ["attacktype1"] = "attackTypes", ["attacktype2"] = "attackTypes", ["attacktype3"] = "attackTypes",
        ["weaptype1"] = "weaponTypes", ["weaptype2"] = "weaponTypes", ["weaptype3"] = "weaponTypes", ["weaptype4"] = "weaponTypes",
        ["targtype1"] = "targetTypes", ["targtype2"] = "targetTypes", ["targtype3"] = "targetTypes",
        ["gname"] = "perpetrators[0]", ["gname2"] = "perpetrators[1]", ["gname3"] = "perpetrators[2]",
        ["claimed"] = "perpetrators[0].claimed", ["claimmode"] = "perpetrators[0].claimMode",
        ["nkill"] = "killed (Unknown class, less nkillter)", ["nkillter"] = "killed (Perpetrators)",
        ["nwound"] = "injured (Unknown class, less nwoundte)", ["nwoundte"] = "injured (Perpetrators)",
        ["property"] = "propertyDamage", ["ishostkid"] = "hostagesOrKidnapping", ["scite1"] = "sources", ["scite2"] = "sources",
        ["scite3"] = "sources", ["dbsource"] = "source name",
    };

    public override ImportedEvent? Map(ImportRow row, DateOnly today)
    {
        var id = row.Required("eventid", IncidentLimits.SourceEventId);
        var year = row.Int("iyear", 1900, today.Year, required: true);
        var month = row.Int("imonth", 0, 12, required: true);
        var day = row.Int("iday", 0, 31, required: true);
        DateOnly? on = null;
        var precision = DatePrecision.Day;
        if (year is { } y && month is { } m && day is { } d)
        {
            (on, precision) = (m, d) switch
            {
                (0, _) => ((DateOnly?)new DateOnly(y, 1, 1), DatePrecision.Year),
                (_, 0) => (new DateOnly(y, m, 1), DatePrecision.Month),
                _ when d <= DateTime.DaysInMonth(y, m) => (new DateOnly(y, m, d), row.Text("approxdate") is null ? DatePrecision.Day : DatePrecision.Week),
                _ => ((DateOnly?)null, DatePrecision.Day),
            };
            if (on is null)
            {
                row.Fail("iday", $"{y}-{m:00} has no day {d}");
            }
            on = NotFuture(row, "iday", on, today);
        }
        var country = Country(row, "country_txt");
        var (lat, lon) = Point(row);
        var specificity = row.Int("specificity", 1, 5);
        var attacks = Codes(row, ["attacktype1", "attacktype2", "attacktype3"], 9);
        var weapons = Codes(row, ["weaptype1", "weaptype2", "weaptype3", "weaptype4"], 13);
        var targets = Codes(row, ["targtype1", "targtype2", "targtype3"], 22);
        var claimed = row.Int("claimed", -9, 1);
        var claimMode = row.Int("claimmode", -9, 10);
        var groups = new List<PerpetratorInput>();
        foreach (var column in new[] { "gname", "gname2", "gname3" })
        {
            if (row.Text(column, IncidentLimits.GroupName) is { } name && !name.Equals("Unknown", StringComparison.OrdinalIgnoreCase)
                && !groups.Any(g => string.Equals(g.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                groups.Add(groups.Count == 0
                    ? new PerpetratorInput(name, claimed switch { 1 => ClaimStatus.Yes, 0 => ClaimStatus.No, _ => ClaimStatus.Unknown },
                        claimMode is >= 1 and <= 10 ? ClaimModes[claimMode.Value] : null, null)
                    : new PerpetratorInput(name, ClaimStatus.Unknown, null, null));
            }
        }
        var killed = row.Int("nkill", -9, IncidentInput.MaxFigure);
        var killedPerpetrators = row.Int("nkillter", -9, IncidentInput.MaxFigure);
        var wounded = row.Int("nwound", -9, IncidentInput.MaxFigure);
        var woundedPerpetrators = row.Int("nwoundte", -9, IncidentInput.MaxFigure);
        // -9 stands for "unknown" in some GTD releases, as an empty cell does in others.
        (killed, killedPerpetrators, wounded, woundedPerpetrators) = (Known(killed), Known(killedPerpetrators), Known(wounded), Known(woundedPerpetrators));
        if (killedPerpetrators > (killed ?? 0))
        {
            row.Fail("nkillter", $"{killedPerpetrators} perpetrators killed of {killed ?? 0} killed in all");
        }
        if (woundedPerpetrators > (wounded ?? 0))
        {
            row.Fail("nwoundte", $"{woundedPerpetrators} perpetrators wounded of {wounded ?? 0} wounded in all");
        }
        var success = row.Int("success", 0, 1);
        var suicide = row.Int("suicide", 0, 1);
        var property = row.Int("property", -9, 1);
        var hostages = row.Int("ishostkid", -9, 1);
        var summary = row.Text("summary", IncidentLimits.Summary);
        // The GTD writes "Unknown" for a city it could not name.
        var city = row.Text("city", IncidentLimits.PlaceName) is { } named && !named.Equals("Unknown", StringComparison.OrdinalIgnoreCase) ? named : null;
        var province = row.Text("provstate", IncidentLimits.PlaceName);
        if (row.ErrorCount > 0 || id is null || on is null || country is null)
        {
            return null;
        }

        var casualties = new List<CasualtyInput>();
        var otherKilled = (killed ?? 0) - (killedPerpetrators ?? 0);
        var otherWounded = (wounded ?? 0) - (woundedPerpetrators ?? 0);
        if (otherKilled > 0 || otherWounded > 0)
        {
            casualties.Add(new CasualtyInput(VictimClass.Unknown, null, otherKilled, null, null, otherWounded, null));
        }
        if (killedPerpetrators > 0 || woundedPerpetrators > 0)
        {
            casualties.Add(new CasualtyInput(VictimClass.Perpetrators, null, killedPerpetrators ?? 0, null, null, woundedPerpetrators ?? 0, null));
        }
        var sources = new List<SourceInput>
        {
            new(Clip($"GTD {id}" + (row.Text("dbsource") is { } db ? $" ({db})" : ""), IncidentLimits.SourceName), null, null, SourceFormat.Gtd, id, killed, wounded),
        };
        foreach (var column in new[] { "scite1", "scite2", "scite3" })
        {
            if (row.Text(column) is { } citation)
            {
                sources.Add(new SourceInput(Clip(citation, IncidentLimits.SourceName), null, null, SourceFormat.Gtd, null, null, null));
            }
        }
        var what = attacks.Length > 0 ? GtdCodes.Label(GtdCodes.AttackTypes, attacks[0]) : "Attack";
        var where = city ?? province ?? country;
        var request = new IncidentRequest(Clip($"{what} in {where}", IncidentLimits.Title), summary, on, null, precision, null, lat, lon, country,
            province, null, city, specificity is { } s ? (PlacePrecision)s : null, attacks, weapons, targets, suicide == 1, success is null ? null : success == 1,
            property switch { 1 => true, 0 => false, _ => null }, hostages switch { 1 => true, 0 => false, _ => null },
            [.. groups], [.. casualties], [.. sources], null, null, null, null, null, null, null);
        return new ImportedEvent(row.Line, id, request);
    }

    private static int? Known(int? figure) => figure is < 0 ? null : figure;

    private static int[] Codes(ImportRow row, string[] columns, int max)
    {
        var codes = new List<int>();
        foreach (var column in columns)
        {
            if (row.Int(column, 1, max) is { } code && !codes.Contains(code))
            {
                codes.Add(code);
            }
        }
        return [.. codes];
    }
}
