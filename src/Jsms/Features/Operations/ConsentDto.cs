using System.Text.Json;
using Jsms.Platform.Access;
using Jsms.Platform.Audit;

namespace Jsms.Features.Operations;

/// <summary>
/// A granted consent as the register shows it. <see cref="Status"/> is computed at the time of reading: an Active consent
/// past its effective end reads Expired. Personnel carry no passport numbers here (the request's parties see them there).
/// </summary>
internal sealed record ConsentDto(
    Guid Id,
    Guid RequestId,
    string HostState,
    string RequestingAgency,
    string Kind,
    string Purpose,
    JsonElement EffectiveArea,
    DateTime EffectiveStart,
    DateTime EffectiveEnd,
    bool Standing,
    string? Exclusions,
    string? Conditions,
    List<PersonnelDto> Personnel,
    List<VehicleDto> Vehicles,
    string Status,
    string? StatusReason,
    DateTime? StatusChangedAt,
    Guid? SupersededById,
    Guid? AmendsConsentId,
    int Version,
    DateTime GrantedAt,
    MarkingDto Marking) : IAuditedRead
{
    string IAuditedRead.RecordType => nameof(Consent);

    Tlp IAuditedRead.Tlp => IAuditedRead.LevelOf(Marking);
}
