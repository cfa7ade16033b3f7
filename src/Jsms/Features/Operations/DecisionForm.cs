using System.Globalization;
using System.Text.Json;

namespace Jsms.Features.Operations;

/// <summary>
/// The decision form as posted on a request's page: the answer, reasons and, with a conditional approval, the conditions,
/// a narrower area (a GeoJSON Polygon drawn on the base map or pasted), a narrower period and the personnel admitted.
/// </summary>
internal sealed class DecisionForm
{
    public string? Answer { get; set; }
    public string? Reasons { get; set; }
    public string? Conditions { get; set; }
    public string? Area { get; set; }
    public string? PeriodStart { get; set; }
    public string? PeriodEnd { get; set; }
    public List<Guid>? PersonnelIds { get; set; }

    /// <summary>The body for <see cref="ConsentDecisions.DecideAsync"/>; what the form cannot even read (an area that is not JSON, a time) goes to <paramref name="errors"/>.</summary>
    public DecisionInput ToInput(bool allPersonnel, Dictionary<string, string[]> errors)
    {
        JsonElement? area = null;
        if (!string.IsNullOrWhiteSpace(Area))
        {
            try
            {
                using var document = JsonDocument.Parse(Area);
                area = document.RootElement.Clone();
            }
            catch (JsonException)
            {
                errors["area"] = ["The narrower area is not GeoJSON: draw it on the map or paste a Polygon."];
            }
        }
        return new(Answer, Reasons, Conditions, area, Time(PeriodStart, "periodStart", errors), Time(PeriodEnd, "periodEnd", errors),
            allPersonnel ? null : PersonnelIds ?? []);
    }

    /// <summary>Whether the person's box is ticked: all are until the form comes back with a choice.</summary>
    public bool Admits(Guid personId) => PersonnelIds is null || PersonnelIds.Contains(personId);

    private static DateTimeOffset? Time(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
        {
            return new DateTimeOffset(at, TimeSpan.Zero);
        }
        errors[field] = ["Not a date and time (UTC)."];
        return null;
    }
}
