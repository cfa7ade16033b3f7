namespace Jsms.Features.Screening.Watchlists;

/// <summary>Why a subject matched, as the matcher said it: the reasons in words and the spelling rules it applied.</summary>
internal sealed record MatchExplanation(IReadOnlyList<string> Reasons, IReadOnlyList<string> Rules);
