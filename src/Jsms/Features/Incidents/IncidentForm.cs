using System.Globalization;
using Jsms.Platform.Access;

namespace Jsms.Features.Incidents;

/// <summary>
/// The fields of the incident form (Edit.cshtml), turned into an <see cref="IncidentRequest"/> so the page validates as the
/// API does. Groups and sources are one per line, fields separated by <c>;</c>; links are ids separated by commas.
/// </summary>
internal sealed class IncidentForm
{
    public string? Title { get; set; }
    public string? Summary { get; set; }
    public string? OccurredOn { get; set; }
    public string? OccurredUntil { get; set; }
    public string? DatePrecision { get; set; } = nameof(Incidents.DatePrecision.Day);
    public string? TimeOfDay { get; set; }
    public string? Latitude { get; set; }
    public string? Longitude { get; set; }
    public string? Country { get; set; } = "PK";
    public string? Admin1 { get; set; }
    public string? Admin2 { get; set; }
    public string? LocationName { get; set; }
    public string? PlacePrecision { get; set; } = nameof(Incidents.PlacePrecision.Exact);
    public List<int> AttackTypes { get; set; } = [];
    public List<int> WeaponTypes { get; set; } = [];
    public List<int> TargetTypes { get; set; } = [];
    public bool Suicide { get; set; }
    public bool Success { get; set; } = true;
    public string? PropertyDamage { get; set; }
    public string? HostagesOrKidnapping { get; set; }
    /// <summary>One group per line: <c>name; Yes|No|Unknown; how it claimed</c>.</summary>
    public string? Perpetrators { get; set; }
    public List<CasualtyRow> Casualties { get; set; } = [.. System.Enum.GetValues<VictimClass>().Select(c => new CasualtyRow { VictimClass = c })];
    /// <summary>One source per line: <c>name; url; published yyyy-MM-dd; killed; injured</c>.</summary>
    public string? Sources { get; set; }
    public string? SiteIds { get; set; }
    public string? PersonIds { get; set; }
    public string? AlertIds { get; set; }
    public string? StixIds { get; set; }
    public string? Project { get; set; }
    public int? ExpectedVersion { get; set; }
    public MarkingForm Marking { get; set; } = new();

    public IncidentRequest ToRequest(Dictionary<string, string[]> errors)
    {
        var perpetrators = Lines(Perpetrators).Select((line, i) =>
        {
            var parts = line.Split(';', StringSplitOptions.TrimEntries);
            ClaimStatus? claimed = null;
            if (parts.Length > 1 && parts[1].Length > 0)
            {
                if (System.Enum.TryParse<ClaimStatus>(parts[1], true, out var c) && System.Enum.IsDefined(c))
                {
                    claimed = c;
                }
                else
                {
                    errors[$"perpetrators[{i}].claimed"] = ["Yes, No or Unknown."];
                }
            }
            return new PerpetratorInput(parts[0], claimed, Part(parts, 2), null);
        }).ToArray();
        var sources = Lines(Sources).Select((line, i) =>
        {
            var parts = line.Split(';', StringSplitOptions.TrimEntries);
            return new SourceInput(parts[0], Part(parts, 1), Date(Part(parts, 2), $"sources[{i}].publishedOn", errors), null, null,
                Int(Part(parts, 3), $"sources[{i}].killed", errors), Int(Part(parts, 4), $"sources[{i}].injured", errors));
        }).ToArray();
        var casualties = Casualties.Where(c => !c.IsEmpty).Select(c => new CasualtyInput(c.VictimClass, c.KilledLow, c.KilledBest, c.KilledHigh,
            c.InjuredLow, c.InjuredBest, c.InjuredHigh)).ToArray();
        TimeOnly? time = null;
        if (!string.IsNullOrWhiteSpace(TimeOfDay))
        {
            if (TimeOnly.TryParse(TimeOfDay, CultureInfo.InvariantCulture, out var t))
            {
                time = t;
            }
            else
            {
                errors["timeOfDay"] = ["A time of day (HH:mm)."];
            }
        }
        var occurredOn = Date(OccurredOn, "occurredOn", errors);
        return new IncidentRequest(Title, Summary, occurredOn, Date(OccurredUntil, "occurredUntil", errors),
            Parse<DatePrecision>(DatePrecision, "datePrecision", errors), time, Double(Latitude, "latitude", errors), Double(Longitude, "longitude", errors),
            Country, Admin1, Admin2, LocationName, Parse<PlacePrecision>(PlacePrecision, "placePrecision", errors),
            [.. AttackTypes], [.. WeaponTypes], [.. TargetTypes], Suicide, Success, Bool(PropertyDamage), Bool(HostagesOrKidnapping),
            perpetrators, casualties, sources, Ids(SiteIds, "siteIds", errors), Ids(PersonIds, "personIds", errors), Ids(AlertIds, "alertIds", errors),
            [.. Split(StixIds)], Project, ExpectedVersion, Marking.ToInput());
    }

    public static IncidentForm Of(IncidentDetailDto i) => new()
    {
        Title = i.Title, Summary = i.Summary, OccurredOn = Text(i.OccurredOn), OccurredUntil = i.OccurredUntil is { } u ? Text(u) : null,
        DatePrecision = i.DatePrecision.ToString(), TimeOfDay = i.TimeOfDay?.ToString("HH:mm", CultureInfo.InvariantCulture),
        Latitude = i.Latitude?.ToString(CultureInfo.InvariantCulture), Longitude = i.Longitude?.ToString(CultureInfo.InvariantCulture),
        Country = i.Country, Admin1 = i.Admin1, Admin2 = i.Admin2, LocationName = i.LocationName, PlacePrecision = i.PlacePrecision.ToString(),
        AttackTypes = [.. i.AttackTypes.Select(c => c.Code)], WeaponTypes = [.. i.WeaponTypes.Select(c => c.Code)], TargetTypes = [.. i.TargetTypes.Select(c => c.Code)],
        Suicide = i.Suicide, Success = i.Success, PropertyDamage = BoolText(i.PropertyDamage), HostagesOrKidnapping = BoolText(i.HostagesOrKidnapping),
        Perpetrators = string.Join("\n", i.Perpetrators.Select(p => $"{p.Name}; {p.Claimed}; {p.ClaimMode}".TrimEnd(' ', ';'))),
        Casualties = [.. System.Enum.GetValues<VictimClass>().Select(v => i.Casualties.FirstOrDefault(c => c.VictimClass == v) is { } c
            ? new CasualtyRow { VictimClass = v, KilledLow = c.KilledLow, KilledBest = c.KilledBest, KilledHigh = c.KilledHigh, InjuredLow = c.InjuredLow, InjuredBest = c.InjuredBest, InjuredHigh = c.InjuredHigh }
            : new CasualtyRow { VictimClass = v })],
        Sources = string.Join("\n", i.Sources.Select(s => string.Join("; ", s.Name, s.Url, s.PublishedOn is { } p ? Text(p) : "",
            s.Killed?.ToString(CultureInfo.InvariantCulture), s.Injured?.ToString(CultureInfo.InvariantCulture)).TrimEnd(' ', ';'))),
        SiteIds = string.Join(", ", i.SiteIds), PersonIds = string.Join(", ", i.PersonIds), AlertIds = string.Join(", ", i.AlertIds),
        StixIds = string.Join(", ", i.StixIds), Project = i.Project, ExpectedVersion = i.Version, Marking = MarkingForm.Of(i.Marking),
    };

    private static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? BoolText(bool? value) => value switch { true => "true", false => "false", _ => null };

    private static bool? Bool(string? text) => text switch { "true" => true, "false" => false, _ => null };

    private static string[] Lines(string? text) => (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string[] Split(string? text) => (text ?? "").Split([',', ' ', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string? Part(string[] parts, int index) => parts.Length > index && parts[index].Length > 0 ? parts[index] : null;

    private static DateOnly? Date(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        errors[field] = ["A date (yyyy-MM-dd)."];
        return null;
    }

    private static int? Int(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (text is null)
        {
            return null;
        }
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        errors[field] = ["A whole number."];
        return null;
    }

    private static double? Double(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }
        errors[field] = ["Degrees, as a decimal number."];
        return null;
    }

    private static T? Parse<T>(string? text, string field, Dictionary<string, string[]> errors) where T : struct, System.Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (System.Enum.TryParse<T>(text, true, out var value) && System.Enum.IsDefined(value))
        {
            return value;
        }
        errors[field] = [$"One of {string.Join(", ", System.Enum.GetNames<T>())}."];
        return null;
    }

    private static Guid[] Ids(string? text, string field, Dictionary<string, string[]> errors)
    {
        var parts = Split(text);
        var ids = new List<Guid>();
        for (var i = 0; i < parts.Length; i++)
        {
            if (Guid.TryParse(parts[i], out var id))
            {
                ids.Add(id);
            }
            else
            {
                errors[$"{field}[{i}]"] = ["Not a record id."];
            }
        }
        return [.. ids];
    }
}
