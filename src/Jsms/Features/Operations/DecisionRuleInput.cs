namespace Jsms.Features.Operations;

/// <summary>
/// Sets the decision rule of a host state (ISO code) for requests from one partnership's agencies (or from anyone) and of
/// one kind (or every kind): <c>All</c>, <c>Quorum</c> (with <see cref="Quorum"/>) or <c>AnyWithVeto</c>.
/// </summary>
internal sealed record DecisionRuleInput(string? HostState, Guid? PartnershipId, string? Kind, string? Rule, int? Quorum);
