namespace Jsms.Features.Operations;

/// <summary>A joint operation in a list.</summary>
internal sealed record JointOperationSummaryDto(Guid Id, string Name, string HostState, string LeadAgency, string Status, DateTime PeriodStart,
    DateTime PeriodEnd, Guid ConsentId);
