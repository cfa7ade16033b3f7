using Jsms.Platform.Access;
using Jsms.Platform.Audit;

namespace Jsms.Features.Screening.Watchlists;

/// <summary>A subject as shown: identifiers are never shown (only whether there are any), its matches when asked for one subject.</summary>
internal sealed record SubjectDto(Guid Id, Guid WatchlistId, string Watchlist, string Category, string Type, string Name, IReadOnlyList<string> Aliases,
    string? BirthDate, string? Nationality, bool HasIdentifiers, string? Role, Guid? ProtectedPersonId, DateTime UpdatedAt, MarkingDto Marking,
    IReadOnlyList<MatchDto>? Matches) : IAuditedRead
{
    string IAuditedRead.RecordType => nameof(WatchSubject);

    Tlp IAuditedRead.Tlp => IAuditedRead.LevelOf(Marking);
}
