namespace Jsms.Features.Operations;

/// <summary>A line of the requests list (no personnel details).</summary>
internal sealed record ConsentRequestSummaryDto(Guid Id, string RequestingAgency, string HostState, string Kind, string Purpose,
    DateTime PeriodStart, DateTime PeriodEnd, bool Standing, string Status, DateTime DecisionDeadline, int Personnel, Guid? ConsentId);
