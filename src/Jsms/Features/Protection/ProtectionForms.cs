using System.Globalization;
using System.Text.Json;
using Jsms.Platform.Access;

namespace Jsms.Features.Protection;

/// <summary>Turning what a form posts into the API's requests, and back, so pages and API validate the same way.</summary>
internal static class ProtectionForms
{
    public static string[] Split(string? text)
        => (text ?? "").Split([',', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>GeoJSON text as the API receives it; a text that is not JSON is an error under <paramref name="field"/>.</summary>
    public static JsonElement? Json(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 16 });
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            errors[field] = ["Not valid GeoJSON (JSON text expected)."];
            return null;
        }
    }

    public static PersonRequest ToRequest(PersonForm f) => new(f.Name, f.Nationality, f.Employer, f.Project, f.PassportNumber, f.Phone, f.Marking.ToInput());

    public static PersonForm ToForm(PersonDto p) => new()
    {
        Name = p.Name, Nationality = p.Nationality, Employer = p.Employer, Project = p.Project,
        // A caller who sees them masked leaves them blank: blank keeps them (see PersonsService.UpdatePersonAsync).
        PassportNumber = p.IdentifiersMasked ? null : p.PassportNumber,
        Phone = p.IdentifiersMasked ? null : p.Phone,
        Marking = MarkingForm.Of(p.Marking),
    };

    public static SiteRequest ToRequest(SiteForm f, Dictionary<string, string[]> errors)
        => new(f.Name, f.Project, Json(f.Perimeter, "perimeter", errors), f.WatchDistanceMetres, f.LoiteringThresholdMinutes, f.SecurityLevel,
            f.Contacts, f.Marking.ToInput());

    public static SiteForm ToForm(SiteDto s) => new()
    {
        Name = s.Name, Project = s.Project, Perimeter = s.Perimeter.GetRawText(), WatchDistanceMetres = s.WatchDistanceMetres,
        LoiteringThresholdMinutes = s.LoiteringThresholdMinutes, SecurityLevel = s.SecurityLevel.ToString(), Contacts = s.Contacts,
        Marking = MarkingForm.Of(s.Marking),
    };

    public static MovementRequest ToRequest(MovementForm f, Dictionary<string, string[]> errors)
    {
        var checkpoints = new List<CheckpointDto>();
        var lines = (f.Checkpoints ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = 0; i < lines.Length; i++)
        {
            var parts = lines[i].Split(';', StringSplitOptions.TrimEntries);
            DateTime? expected = null;
            if (parts.Length > 3 && parts[3].Length > 0)
            {
                if (DateTime.TryParse(parts[3], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at))
                {
                    expected = at;
                }
                else
                {
                    errors[$"checkpoints[{i}]"] = ["The expected time is not a date and time (yyyy-MM-dd HH:mm, UTC)."];
                }
            }
            // A number that does not parse stays empty, and the service names the checkpoint.
            checkpoints.Add(new CheckpointDto(parts[0], Number(parts, 1), Number(parts, 2), expected));
        }
        return new MovementRequest(f.Name, f.Status, [.. f.Principals], Split(f.Vehicles), Split(f.Escort), Json(f.Route, "route", errors),
            f.CorridorMetres, [.. checkpoints], Utc(f.DepartEarliest), Utc(f.DepartLatest), Utc(f.ArriveEarliest), Utc(f.ArriveLatest),
            new MarkingInput(null, null, Split(f.Recipients)), [.. f.PartnerPersonnel]);
    }

    public static MovementForm ToForm(MovementDto m) => new()
    {
        Name = m.Name, Status = m.Status.ToString(), Principals = [.. m.Principals], Vehicles = string.Join(", ", m.Vehicles),
        Escort = string.Join(", ", m.Escort), Route = m.Route?.GetRawText(), CorridorMetres = m.CorridorMetres,
        Checkpoints = string.Join("\n", m.Checkpoints.Select(c => string.Join("; ", c.Name, Invariant(c.Latitude), Invariant(c.Longitude),
            c.ExpectedAt is { } at ? at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "").TrimEnd(' ', ';'))),
        DepartEarliest = m.DepartEarliest, DepartLatest = m.DepartLatest, ArriveEarliest = m.ArriveEarliest, ArriveLatest = m.ArriveLatest,
        Recipients = string.Join(", ", m.Marking.Recipients), PartnerPersonnel = [.. (m.PartnerPersonnel ?? []).Select(p => p.Id)],
    };

    /// <summary>The value of a datetime-local input, which says nothing of a zone: the form says UTC.</summary>
    public static string? Local(DateTime? at) => at?.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    private static DateTime? Utc(DateTime? at) => at is { } t ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : null;

    private static double? Number(string[] parts, int index)
        => parts.Length > index && double.TryParse(parts[index], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string Invariant(double? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}
