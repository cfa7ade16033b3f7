namespace Jsms.Features.Incidents;

/// <summary>What the site page's incidents panel shows: the distance chosen and the incidents within it, nearest first.</summary>
internal sealed record IncidentsNearSiteView(Guid SiteId, double Km, IReadOnlyList<(IncidentSummaryDto Incident, double Metres)> Incidents);
