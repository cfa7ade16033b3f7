using System.Text.Json;
using Jsms.Platform.Access;
using Jsms.Platform.Audit;

namespace Jsms.Features.Protection;

/// <summary>
/// A movement as the caller may see it. <see cref="PartnerPersonnelUncovered"/> is what the consents do not cover now (a
/// consent suspended, revoked or expired since the movement was planned), by field; empty when covered.
/// </summary>
internal sealed record MovementDto(Guid Id, string Name, MovementStatus Status, IReadOnlyList<Guid> Principals,
    IReadOnlyList<string> Vehicles, IReadOnlyList<string> Escort, JsonElement? Route, double CorridorMetres,
    IReadOnlyList<CheckpointDto> Checkpoints, DateTime? DepartEarliest, DateTime? DepartLatest,
    DateTime? ArriveEarliest, DateTime? ArriveLatest, MarkingDto Marking, int Withheld = 0,
    IReadOnlyList<PartnerPersonDto>? PartnerPersonnel = null, IReadOnlyDictionary<string, string[]>? PartnerPersonnelUncovered = null) : IAuditedRead
{
    string IAuditedRead.RecordType => nameof(Movement);

    Tlp IAuditedRead.Tlp => IAuditedRead.LevelOf(Marking);
}
