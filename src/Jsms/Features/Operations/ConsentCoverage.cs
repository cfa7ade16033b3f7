using NetTopologySuite.Geometries;

namespace Jsms.Features.Operations;

/// <summary>
/// Whether a granted consent covers what would put a partner's people on the host's territory: in force (Active, not
/// expired) and, when starting now, begun; the area within its effective area (NetTopologySuite <c>Covers</c>: every point
/// of the area in the consented one, edges included); the period within its effective period; each partner person among
/// its effective personnel. Every gap is named, so a refusal says what is not covered. Used when a joint operation is approved
/// or started.
/// </summary>
internal static class ConsentCoverage
{
    /// <summary>What the consent does not cover, by field ("consent", "area", "period", "personnel"); empty when it covers all.</summary>
    public static Dictionary<string, string[]> Gaps(Consent consent, MultiPolygon? area, DateTime start, DateTime end, IEnumerable<(Guid Id, string Name)> people,
        DateTime now, bool startingNow)
    {
        var gaps = new Dictionary<string, string[]>();
        var status = ConsentsService.StatusAt(consent, now);
        if (status != ConsentStatus.Active)
        {
            gaps["consent"] = [$"The consent is {status}{(consent.StatusReason is { } why ? $" ({why})" : "")}: only an active consent covers a deployment."];
        }
        else if (startingNow && now < consent.EffectiveStart)
        {
            gaps["consent"] = [$"The consent takes effect at {consent.EffectiveStart:u}: nothing starts under it before then."];
        }
        if (area is not null && !consent.EffectiveArea.Covers(area))
        {
            var outside = area.Difference(consent.EffectiveArea);
            gaps["area"] = [$"The area is not within the consented area: {Percent(outside.Area, area.Area)} of it lies outside."];
        }
        if (start < consent.EffectiveStart || end > consent.EffectiveEnd)
        {
            gaps["period"] = [$"The period {start:u} – {end:u} is not within the consented period {consent.EffectiveStart:u} – {consent.EffectiveEnd:u}."];
        }
        var admitted = consent.Personnel.Select(p => p.Id).ToHashSet();
        var missing = people.Where(p => !admitted.Contains(p.Id)).Select(p => p.Name).ToList();
        if (missing.Count > 0)
        {
            gaps["personnel"] = [$"Not among the consent's personnel: {string.Join(", ", missing)}."];
        }
        return gaps;
    }

    private static string Percent(double part, double whole) => whole <= 0 ? "some" : $"{Math.Max(0.1, 100 * part / whole):0.#}%";
}
