namespace Jsms.Features.Screening.Watchlists;

/// <summary>
/// Open until reviewed; a false positive stays quiet until the list entry or the subject changes. Closed: the entry was
/// removed from its list (delisted), so there is nothing left to match (<see cref="WatchMatch.StatusNote"/> says when).
/// </summary>
internal enum MatchStatus { Open, Confirmed, FalsePositive, Closed }
