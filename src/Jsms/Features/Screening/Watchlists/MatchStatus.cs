namespace Jsms.Features.Screening.Watchlists;

/// <summary>Open until reviewed; a false positive stays quiet until the list entry or the subject changes.</summary>
internal enum MatchStatus { Open, Confirmed, FalsePositive }
