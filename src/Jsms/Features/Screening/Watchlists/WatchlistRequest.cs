using Jsms.Platform.Access;

namespace Jsms.Features.Screening.Watchlists;

internal sealed record WatchlistRequest(string? Name, string? Description, MarkingInput? Marking);
