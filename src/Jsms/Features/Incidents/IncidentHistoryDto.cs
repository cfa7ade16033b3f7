using Jsms.Platform.Access;
using Jsms.Platform.Audit;

namespace Jsms.Features.Incidents;

/// <summary>The versions of one incident, newest first; audited as a read of the incident (each holds all of it).</summary>
internal sealed record IncidentHistoryDto(Guid Id, MarkingDto Marking, IReadOnlyList<IncidentVersionDto> Versions) : IAuditedRead
{
    string IAuditedRead.RecordType => nameof(Incident);

    Tlp IAuditedRead.Tlp => IAuditedRead.LevelOf(Marking);
}
