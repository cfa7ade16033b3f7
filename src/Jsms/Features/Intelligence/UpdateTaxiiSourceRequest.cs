namespace Jsms.Features.Intelligence;

/// <summary>Changes to a source; null keeps the value. A new <c>Secret</c> replaces the stored one; <c>ResetMark</c> starts again from the beginning.</summary>
internal sealed record UpdateTaxiiSourceRequest(string? Name, string? ApiRootUrl, string? RemoteCollectionId, string? Username, string? Secret,
    int? IntervalMinutes, bool? Enabled, bool? ResetMark);
