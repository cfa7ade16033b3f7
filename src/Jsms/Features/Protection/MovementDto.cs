using System.Text.Json;
using Jsms.Platform.Access;
using Jsms.Platform.Audit;

namespace Jsms.Features.Protection;

internal sealed record MovementDto(Guid Id, string Name, MovementStatus Status, IReadOnlyList<Guid> Principals,
    IReadOnlyList<string> Vehicles, IReadOnlyList<string> Escort, JsonElement? Route, double CorridorMetres,
    IReadOnlyList<CheckpointDto> Checkpoints, DateTime? DepartEarliest, DateTime? DepartLatest,
    DateTime? ArriveEarliest, DateTime? ArriveLatest, MarkingDto Marking, int Withheld = 0) : IAuditedRead
{
    string IAuditedRead.RecordType => nameof(Movement);

    Tlp IAuditedRead.Tlp => IAuditedRead.LevelOf(Marking);
}
