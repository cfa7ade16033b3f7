namespace Jsms.Features.Operations;

/// <summary>
/// Where a consent request stands. Draft and MoreInformationRequested may be changed by the requester; Submitted
/// awaits the host authorities; Approved, ApprovedWithConditions, Refused and Withdrawn are closed.
/// </summary>
internal enum ConsentRequestStatus { Draft, Submitted, MoreInformationRequested, Approved, ApprovedWithConditions, Refused, Withdrawn }
