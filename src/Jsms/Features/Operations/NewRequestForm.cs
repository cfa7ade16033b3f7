using System.Globalization;
using System.Text.Json;

namespace Jsms.Features.Operations;

/// <summary>
/// The new-request form as posted: lists are one item a line with fields separated by ';' (personnel: name; rank; role;
/// passport number — vehicles: kind; callsign; tracker — equipment: type; serial number; quantity), times in UTC.
/// </summary>
internal sealed class NewRequestForm
{
    public string? HostState { get; set; } = "PK";
    public string? Authorities { get; set; }
    public string? Kind { get; set; }
    public string? Purpose { get; set; }
    public string? Area { get; set; }
    public string? PeriodStart { get; set; }
    public string? PeriodEnd { get; set; }
    public bool Standing { get; set; }
    public string? Exclusions { get; set; }
    public string? Personnel { get; set; }
    public string? Vehicles { get; set; }
    public string? Equipment { get; set; }
    public string? RulesOfEngagement { get; set; }
    public string? DecisionDeadline { get; set; }
    public bool SubmitNow { get; set; }

    /// <summary>The API's input; what cannot be read (a time, the GeoJSON) goes to <paramref name="errors"/>.</summary>
    public ConsentRequestInput ToInput(Dictionary<string, string[]> errors)
    {
        JsonElement? area = null;
        if (!string.IsNullOrWhiteSpace(Area))
        {
            try
            {
                area = JsonDocument.Parse(Area).RootElement.Clone();
            }
            catch (JsonException)
            {
                errors["area"] = ["The area is not GeoJSON."];
            }
        }
        return new ConsentRequestInput(HostState, [.. (Authorities ?? "").Split(',', ';', ' ').Where(c => c.Trim().Length > 0)], Kind, Purpose,
            area, Time(errors, "periodStart", PeriodStart), Time(errors, "periodEnd", PeriodEnd), Standing, Exclusions,
            [.. Lines(Personnel).Select(f => new PersonnelInput(f[0], At(f, 1), At(f, 2), At(f, 3), null, null, null))],
            [.. Lines(Vehicles).Select(f => new VehicleInput(f[0], At(f, 1), At(f, 2)))],
            [.. Lines(Equipment).Select(f => new EquipmentInput(f[0], At(f, 1), int.TryParse(At(f, 2), out var q) ? q : null))],
            RulesOfEngagement, Time(errors, "decisionDeadline", DecisionDeadline));
    }

    private static IEnumerable<string[]> Lines(string? text)
        => (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Select(l => l.Split(';').Select(f => f.Trim()).ToArray());

    private static string? At(string[] fields, int i) => fields.Length > i && fields[i].Length > 0 ? fields[i] : null;

    private static DateTimeOffset? Time(Dictionary<string, string[]> errors, string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
        {
            return new DateTimeOffset(at, TimeSpan.Zero);
        }
        errors[field] = ["Not a date and time (yyyy-MM-ddTHH:mm, UTC)."];
        return null;
    }
}
