namespace Jsms.Features.Incidents;

/// <summary>
/// ACLED's CSV export. <c>time_precision</c> 1 is the day, 2 a week (ACLED records a day in it: kept, marked Week), 3 the
/// month (kept as its first day, marked Month). <c>geo_precision</c> 1 is the place itself, 2 near a town, 3 only the
/// province (its capital's coordinates). ACLED's sub-event types become GTD attack types only where they say the same thing
/// (a suicide bomb, an IED, a grenade: Bombing/Explosion with explosives; an abduction: Kidnapping); every other type is
/// kept as ACLED's own label in the source record, with no GTD type. ACLED gives one fatality count and no injured: the
/// fatalities are civilians when ACLED marks the event as civilian targeting, otherwise of unknown class.
/// </summary>
internal sealed class AcledFormat : IncidentFileFormat
{
    public static AcledFormat Instance { get; } = new();

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d MMMM yyyy", "dd MMMM yyyy", "dd-MM-yyyy", "dd/MM/yyyy", "d-MMM-yy", "yyyy/MM/dd"];

    public override SourceFormat Format => SourceFormat.Acled;

    public override string Name => "ACLED";

    public override IReadOnlyList<string> RequiredColumns { get; } = ["event_id_cnty", "event_date", "event_type", "country"];

    public override IReadOnlyDictionary<string, string> Mapping { get; } = new Dictionary<string, string>
    {
        ["event_id_cnty"] = "source event id", ["event_date"] = "occurredOn", ["time_precision"] = "datePrecision (1 Day, 2 Week, 3 Month)",
        ["event_type"] = "source type label", ["sub_event_type"] = "attackTypes where sound, else source type label",
        ["actor1"] = "perpetrators[0]", ["assoc_actor_1"] = "perpetrators[1]", ["actor2"] = "title (target)",
        ["civilian_targeting"] = "casualty class Civilians, target Private Citizens", ["country"] = "country", ["admin1"] = "admin1",
        ["admin2"] = "admin2", ["location"] = "locationName", ["latitude"] = "latitude", ["longitude"] = "longitude",
        ["geo_precision"] = "placePrecision (1 Exact, 2 Near, 3 Admin1)", ["source"] = "source name", ["notes"] = "summary",
        ["fatalities"] = "killed",
    };

    public override ImportedEvent? Map(ImportRow row, DateOnly today)
    {
        var id = row.Required("event_id_cnty", IncidentLimits.SourceEventId);
        var date = NotFuture(row, "event_date", row.Date("event_date", DateFormats, required: true), today);
        var timePrecision = row.Int("time_precision", 1, 3);
        var eventType = row.Required("event_type", 100);
        var subType = row.Text("sub_event_type", 100);
        var actor1 = row.Text("actor1", IncidentLimits.GroupName);
        var associate = row.Text("assoc_actor_1", IncidentLimits.GroupName);
        var actor2 = row.Text("actor2", IncidentLimits.GroupName);
        var civilians = row.Text("civilian_targeting") is { } targeting && targeting.StartsWith("Civilian", StringComparison.OrdinalIgnoreCase);
        var country = Country(row, "country");
        var (lat, lon) = Point(row);
        var geoPrecision = row.Int("geo_precision", 1, 3);
        var fatalities = row.Int("fatalities", 0, IncidentInput.MaxFigure);
        var notes = row.Text("notes", IncidentLimits.Summary);
        var admin1 = row.Text("admin1", IncidentLimits.PlaceName);
        var admin2 = row.Text("admin2", IncidentLimits.PlaceName);
        var location = row.Text("location", IncidentLimits.PlaceName);
        var source = row.Text("source");
        if (row.ErrorCount > 0 || id is null || date is not { } on || country is null || eventType is null)
        {
            return null;
        }

        var (precision, occurredOn) = timePrecision switch
        {
            2 => (DatePrecision.Week, on),
            3 => (DatePrecision.Month, new DateOnly(on.Year, on.Month, 1)),
            _ => (DatePrecision.Day, on),
        };
        int[] attacks = [], weapons = [];
        var suicide = false;
        switch (subType?.ToLowerInvariant())
        {
            case "suicide bomb":
                (attacks, weapons, suicide) = ([GtdCodes.Bombing], [GtdCodes.Explosives], true);
                break;
            case "remote explosive/landmine/ied":
            case "grenade":
                (attacks, weapons) = ([GtdCodes.Bombing], [GtdCodes.Explosives]);
                break;
            case "abduction/forced disappearance":
                attacks = [GtdCodes.Kidnapping];
                break;
        }
        var groups = new List<PerpetratorInput>();
        if (actor1 is not null)
        {
            groups.Add(new PerpetratorInput(actor1, ClaimStatus.Unknown, null, null));
        }
        if (associate is not null && !string.Equals(associate, actor1, StringComparison.OrdinalIgnoreCase))
        {
            groups.Add(new PerpetratorInput(associate, ClaimStatus.Unknown, null, null));
        }
        CasualtyInput[] casualties = fatalities is > 0
            ? [new CasualtyInput(civilians ? VictimClass.Civilians : VictimClass.Unknown, null, fatalities, null, null, 0, null)]
            : [];
        var label = subType is null ? eventType : $"{eventType} / {subType}";
        var sourceName = Clip($"ACLED {id}: {label}" + (source is null ? "" : $"; {source}"), IncidentLimits.SourceName);
        var what = subType ?? eventType;
        var where = location ?? admin1 ?? country;
        var title = Clip(actor2 is null ? $"{what} in {where}" : $"{what} in {where} ({actor2})", IncidentLimits.Title);
        var request = new IncidentRequest(title, notes, occurredOn, null, precision, null, lat, lon, country, admin1, admin2, location,
            geoPrecision switch { 1 => PlacePrecision.Exact, 2 => PlacePrecision.Near, 3 => PlacePrecision.Admin1, _ => null },
            attacks, weapons, civilians ? [GtdCodes.TargetPrivateCitizens] : [], suicide, null, null, attacks.Contains(GtdCodes.Kidnapping) ? true : null,
            [.. groups], casualties, [new SourceInput(sourceName, null, null, SourceFormat.Acled, id, fatalities ?? 0, null)],
            null, null, null, null, null, null, null);
        return new ImportedEvent(row.Line, id, request);
    }
}
