namespace Jsms.Features.Intelligence;

/// <summary>A TAXII source as the API shows it (never its secret).</summary>
internal sealed record TaxiiSourceDto(Guid Id, string Name, string ApiRootUrl, string RemoteCollectionId, string? Username, Guid LocalCollectionId,
    string OwnerAgency, int IntervalMinutes, bool Enabled, string? AddedAfter, string Status, string? LastError, DateTime? LastAttemptAt,
    DateTime? LastSuccessAt, int LastAccepted, int LastRefused, string Direction = "Pull", DateTime? PushedUpTo = null);
