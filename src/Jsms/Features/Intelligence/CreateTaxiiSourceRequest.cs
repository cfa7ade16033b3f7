namespace Jsms.Features.Intelligence;

/// <summary>
/// A source to create. <c>Username</c> null: <c>Secret</c> is a bearer token, else the Basic password. <c>OwnerAgency</c> is the
/// code of the agency that represents the remote partner on this node: it owns the pulled records.
/// </summary>
internal sealed record CreateTaxiiSourceRequest(string? Name, string? ApiRootUrl, string? RemoteCollectionId, string? Username, string? Secret,
    Guid? LocalCollectionId, string? OwnerAgency, int? IntervalMinutes, bool? Enabled, string? Direction = null);
