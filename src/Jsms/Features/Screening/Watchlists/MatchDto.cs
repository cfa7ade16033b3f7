namespace Jsms.Features.Screening.Watchlists;

/// <summary>A match to review: who, which entry, the score, why (reasons and rules), and its review.</summary>
internal sealed record MatchDto(Guid Id, Guid WatchlistId, string Watchlist, Guid SubjectId, string Subject, string Category, string Source, string SourceId,
    string? Reference, string EntryName, string MatchedName, string SubjectName, double Score, IReadOnlyList<string> Reasons, IReadOnlyList<string> Rules,
    string Status, string? ReviewReason, string? ReviewedBy, DateTime? ReviewedAt, DateTime FirstRaisedAt, DateTime LastRaisedAt, int Alerts)
{
    /// <summary>What the rescreens said about it: delisted and closed, open again, or what changed in its entry.</summary>
    public string? StatusNote { get; init; }
}
