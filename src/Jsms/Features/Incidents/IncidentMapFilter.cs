using System.Globalization;

namespace Jsms.Features.Incidents;

/// <summary>
/// The operating picture's incident filters as its address carries them (<c>incidentsFrom</c>, <c>incidentsTo</c>,
/// <c>attackType</c>, <c>group</c>, <c>heat=1</c>), so a shared link opens the same view; without them the last 30 days.
/// Values that do not parse are left out (the defaults apply) rather than refused: the page is a view, the API checks.
/// </summary>
internal sealed record IncidentMapFilter(string From, string To, int? AttackType, string Group)
{
    public static IncidentMapFilter Of(IQueryCollection query, DateOnly today)
    {
        static DateOnly? Day(string? text) => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        var to = Day(query["incidentsTo"]) ?? today;
        var from = Day(query["incidentsFrom"]) ?? today.AddDays(-30);
        int? attack = int.TryParse(query["attackType"], NumberStyles.None, CultureInfo.InvariantCulture, out var a) && GtdCodes.AttackTypes.ContainsKey(a) ? a : null;
        var group = ((string?)query["group"] ?? "").Trim();
        return new IncidentMapFilter(Format(from), Format(to), attack, group.Length > IncidentLimits.GroupName ? "" : group);
    }

    private static string Format(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
