namespace Jsms.Features.Operations;

/// <summary>One host authority's answer to a consent request.</summary>
internal enum ConsentAnswer { Approve, ApproveWithConditions, RequestInformation, Refuse }
