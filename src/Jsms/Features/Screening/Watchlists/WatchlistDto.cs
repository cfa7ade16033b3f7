using Jsms.Platform.Access;

namespace Jsms.Features.Screening.Watchlists;

internal sealed record WatchlistDto(Guid Id, string Name, string? Description, int Subjects, int OpenMatches, DateTime CreatedAt, MarkingDto Marking);
