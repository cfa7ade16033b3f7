namespace Jsms.Features.Operations;

/// <summary>What the answers of a round add up to under the request's rule.</summary>
internal enum DecisionOutcome { Pending, Approved, Refused, MoreInformationRequested }
