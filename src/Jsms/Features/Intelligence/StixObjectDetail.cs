using Jsms.Platform.Access;
using Jsms.Platform.Audit;

namespace Jsms.Features.Intelligence;

/// <summary>
/// An object: its readable versions (newest first) and the readable relationships and sightings from or to it. Shown, it
/// is one record read (its newest version), and each of its sensitive versions is a read of that version.
/// </summary>
internal sealed record StixObjectDetail(string Id, string Type, IReadOnlyList<StixVersionDto> Versions, IReadOnlyList<StixObjectSummary> Relationships)
    : IAuditedRead
{
    Guid IAuditedRead.Id => Versions[0].RowId;

    string IAuditedRead.RecordType => nameof(StixObjectVersion);

    Tlp IAuditedRead.Tlp => IAuditedRead.LevelOf(Versions[0].Tlp);
}
