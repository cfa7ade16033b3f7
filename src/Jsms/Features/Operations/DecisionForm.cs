using System.Globalization;

namespace Jsms.Features.Operations;

/// <summary>The decision form as posted on a request's page (a narrower area is given through the API).</summary>
internal sealed class DecisionForm
{
    public string? Answer { get; set; }
    public string? Reasons { get; set; }
    public string? Conditions { get; set; }
    public string? PeriodStart { get; set; }
    public string? PeriodEnd { get; set; }
    public List<Guid>? PersonnelIds { get; set; }

    public DecisionInput ToInput(bool allPersonnel)
        => new(Answer, Reasons, Conditions, null, Time(PeriodStart), Time(PeriodEnd), allPersonnel ? null : PersonnelIds ?? []);

    private static DateTimeOffset? Time(string? text)
        => DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? new DateTimeOffset(at, TimeSpan.Zero) : null;
}
