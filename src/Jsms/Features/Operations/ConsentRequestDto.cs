using System.Text.Json;
using Jsms.Platform.Access;
using Jsms.Platform.Audit;

namespace Jsms.Features.Operations;

/// <summary>A consent request as its parties see it (passport numbers included, so every read that shows one is audited).</summary>
internal sealed record ConsentRequestDto(
    Guid Id,
    string RequestingAgency,
    string HostState,
    List<string> Authorities,
    string Kind,
    string Purpose,
    JsonElement Area,
    DateTime PeriodStart,
    DateTime PeriodEnd,
    bool Standing,
    string? Exclusions,
    List<PersonnelDto> Personnel,
    List<VehicleDto> Vehicles,
    List<EquipmentDto> Equipment,
    string? RulesOfEngagement,
    DateTime DecisionDeadline,
    string Status,
    int Round,
    int Version,
    Guid? ClonedFromId,
    Guid? AmendsConsentId,
    Guid? ConsentId,
    DateTime CreatedAt,
    DateTime? SubmittedAt,
    DateTime? DecidedAt,
    DecisionProgressDto Progress,
    List<ConsentDecisionDto> Decisions,
    List<PersonnelCurrencyDto> Currency) : IAuditedRead
{
    string IAuditedRead.RecordType => nameof(ConsentRequest);

    Tlp IAuditedRead.Tlp => Tlp.Amber;

    string? IAuditedRead.Discloses => Personnel.Any(p => p.PassportNumber is not null) ? "passport numbers shown" : null;
}
