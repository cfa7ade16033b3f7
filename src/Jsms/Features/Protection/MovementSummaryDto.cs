using Jsms.Platform.Access;
using Jsms.Platform.Audit;

namespace Jsms.Features.Protection;

internal sealed record MovementSummaryDto(Guid Id, string Name, MovementStatus Status, MarkingDto Marking) : IAuditedRead
{
    string IAuditedRead.RecordType => nameof(Movement);

    Tlp IAuditedRead.Tlp => IAuditedRead.LevelOf(Marking);
}
