using System.Text.Json;
using Jsms.Platform.Access;
using Jsms.Platform.Audit;

namespace Jsms.Features.Operations;

/// <summary>A joint operation as its parties see it, with its timeline and the statuses it may move to next.</summary>
internal sealed record JointOperationDto(
    Guid Id,
    string Name,
    Guid ConsentId,
    string HostState,
    string LeadAgency,
    string Objective,
    JsonElement Area,
    DateTime PeriodStart,
    DateTime PeriodEnd,
    string? CommandArrangement,
    string Status,
    List<string> NextStatuses,
    List<OperationForceDto> Forces,
    List<OperationPersonDto> Personnel,
    List<OperationVehicleDto> Vehicles,
    List<Guid> IncidentIds,
    int Arrests,
    string? ItemsSeized,
    string? OutcomeNotes,
    List<OperationEventDto> Timeline,
    int Version,
    DateTime CreatedAt,
    MarkingDto Marking) : IAuditedRead
{
    string IAuditedRead.RecordType => nameof(JointOperation);

    Tlp IAuditedRead.Tlp => IAuditedRead.LevelOf(Marking);
}
