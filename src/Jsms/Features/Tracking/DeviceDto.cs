using Jsms.Platform.Access;
using Jsms.Platform.Audit;

namespace Jsms.Features.Tracking;

internal sealed record DeviceDto(Guid Id, string UniqueId, string Name, DeviceKind Kind, string? Subject, PositionDto? LastPosition, MarkingDto Marking) : IAuditedRead
{
    string IAuditedRead.RecordType => nameof(Device);

    Tlp IAuditedRead.Tlp => IAuditedRead.LevelOf(Marking);
}
