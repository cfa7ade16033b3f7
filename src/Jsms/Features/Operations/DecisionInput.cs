using System.Text.Json;

namespace Jsms.Features.Operations;

/// <summary>
/// One authority's answer (<c>Approve</c>, <c>ApproveWithConditions</c>, <c>RequestInformation</c>, <c>Refuse</c>) with
/// reasons; a conditional approval may give conditions text, a narrower area, a narrower period and the ids of the
/// request's personnel it admits.
/// </summary>
internal sealed record DecisionInput(string? Answer, string? Reasons, string? Conditions, JsonElement? Area,
    DateTimeOffset? PeriodStart, DateTimeOffset? PeriodEnd, List<Guid>? PersonnelIds);
