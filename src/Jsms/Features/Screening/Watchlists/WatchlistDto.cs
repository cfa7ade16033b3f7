using Jsms.Platform.Access;
using Jsms.Platform.Audit;

namespace Jsms.Features.Screening.Watchlists;

/// <summary>A watchlist as shown; a read of a strict or red one is audited like its subjects' reads.</summary>
internal sealed record WatchlistDto(Guid Id, string Name, string? Description, int Subjects, int OpenMatches, DateTime CreatedAt, MarkingDto Marking)
    : IAuditedRead
{
    string IAuditedRead.RecordType => nameof(Watchlist);

    Tlp IAuditedRead.Tlp => IAuditedRead.LevelOf(Marking);
}
