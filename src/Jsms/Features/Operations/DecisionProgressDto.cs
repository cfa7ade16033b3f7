namespace Jsms.Features.Operations;

/// <summary>
/// Where the current round stands under the request's rule: counts, the authorities still to answer, the outcome so far
/// (<c>Pending</c>, <c>Approved</c>, <c>Refused</c>, <c>MoreInformationRequested</c>) and a sentence such as
/// "2 of 3 approved, no veto yet".
/// </summary>
internal sealed record DecisionProgressDto(string Rule, int? Quorum, int Authorities, int Approvals, int Refusals,
    int InformationRequests, List<string> Pending, string Outcome, string Summary);
