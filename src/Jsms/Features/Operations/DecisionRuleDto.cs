namespace Jsms.Features.Operations;

internal sealed record DecisionRuleDto(Guid Id, string HostState, Guid? PartnershipId, string? Partnership, string? Kind, string Rule,
    int? Quorum, DateTime UpdatedAt);
