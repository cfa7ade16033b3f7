namespace Jsms.Features.Screening.Watchlists;

/// <summary>A reviewer's decision on a match: "confirmed" or "falsePositive", with the reason (required).</summary>
internal sealed record ReviewRequest(string? Decision, string? Reason);
