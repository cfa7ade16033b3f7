using Jsms.Platform.Access;
using Jsms.Platform.Audit;

namespace Jsms.Features.Incidents;

/// <summary>An incident as a list shows it.</summary>
internal sealed record IncidentSummaryDto(Guid Id, string Title, DateOnly OccurredOn, DatePrecision DatePrecision, string Country, string? Admin1,
    string? LocationName, IReadOnlyList<CodeDto> AttackTypes, IReadOnlyList<string> Perpetrators, int KilledBest, int InjuredBest, int Version,
    MarkingDto Marking) : IAuditedRead
{
    string IAuditedRead.RecordType => nameof(Incident);

    Tlp IAuditedRead.Tlp => IAuditedRead.LevelOf(Marking);
}
