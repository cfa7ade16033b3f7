namespace Jsms.Features.Incidents;

/// <summary>One page of a filtered list: the items, how many match in all, and where this page is.</summary>
internal sealed record IncidentPageDto(IReadOnlyList<IncidentSummaryDto> Items, int Total, int Page, int PageSize);
