using Jsms.Platform.Access;
using Jsms.Platform.Audit;

namespace Jsms.Features.Incidents;

/// <summary>
/// One incident in the change feed: what happened to it since the point asked for (<c>created</c>, <c>corrected</c>,
/// <c>deleted</c> or <c>merged</c> into <see cref="MergedIntoId"/>), its version now and the fields its versions since then changed.
/// </summary>
internal sealed record IncidentChangeDto(Guid Id, string Title, string Change, int Version, DateTime UpdatedAt, DateTime? DeletedAt, Guid? MergedIntoId,
    IReadOnlyList<string> ChangedFields, MarkingDto Marking) : IAuditedRead
{
    string IAuditedRead.RecordType => nameof(Incident);

    Tlp IAuditedRead.Tlp => IAuditedRead.LevelOf(Marking);
}
