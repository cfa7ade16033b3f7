using Jsms.Platform.Access;

namespace Jsms.Features.Incidents;

/// <summary>
/// An incident as clients write it (create, and update as a whole). Codes are the GTD numbers (<c>GET /api/incidents/codes</c>);
/// an update may send <see cref="ExpectedVersion"/>, the version it read, and is refused with 409 when the incident changed since.
/// </summary>
internal sealed record IncidentRequest(
    string? Title,
    string? Summary,
    DateOnly? OccurredOn,
    DateOnly? OccurredUntil,
    DatePrecision? DatePrecision,
    TimeOnly? TimeOfDay,
    double? Latitude,
    double? Longitude,
    string? Country,
    string? Admin1,
    string? Admin2,
    string? LocationName,
    PlacePrecision? PlacePrecision,
    int[]? AttackTypes,
    int[]? WeaponTypes,
    int[]? TargetTypes,
    bool? Suicide,
    bool? Success,
    bool? PropertyDamage,
    bool? HostagesOrKidnapping,
    PerpetratorInput[]? Perpetrators,
    CasualtyInput[]? Casualties,
    SourceInput[]? Sources,
    Guid[]? SiteIds,
    Guid[]? PersonIds,
    Guid[]? AlertIds,
    string[]? StixIds,
    string? Project,
    int? ExpectedVersion,
    MarkingInput? Marking);
