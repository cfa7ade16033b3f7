namespace Jsms.Features.Operations;

/// <summary>The life of a granted consent. Expired is also computed on read from the effective period's end.</summary>
internal enum ConsentStatus { Active, Suspended, Revoked, Expired, Superseded }
