using Jsms.Platform.Access;
using Jsms.Platform.Audit;

namespace Jsms.Features.Incidents;

/// <summary>An incident as the API returns it (and as its versions keep it); codes come with their labels.</summary>
internal sealed record IncidentDetailDto(
    Guid Id,
    string Title,
    string Summary,
    DateOnly OccurredOn,
    DateOnly? OccurredUntil,
    DatePrecision DatePrecision,
    TimeOnly? TimeOfDay,
    double? Latitude,
    double? Longitude,
    string Country,
    string? Admin1,
    string? Admin2,
    string? LocationName,
    PlacePrecision PlacePrecision,
    IReadOnlyList<CodeDto> AttackTypes,
    IReadOnlyList<CodeDto> WeaponTypes,
    IReadOnlyList<CodeDto> TargetTypes,
    bool Suicide,
    bool Success,
    bool? PropertyDamage,
    bool? HostagesOrKidnapping,
    IReadOnlyList<PerpetratorDto> Perpetrators,
    IReadOnlyList<CasualtyDto> Casualties,
    int KilledBest,
    int InjuredBest,
    IReadOnlyList<SourceDto> Sources,
    IReadOnlyList<Guid> SiteIds,
    IReadOnlyList<Guid> PersonIds,
    IReadOnlyList<Guid> AlertIds,
    IReadOnlyList<string> StixIds,
    string? Project,
    int Version,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? DeletedAt,
    Guid? MergedIntoId,
    MarkingDto Marking) : IAuditedRead
{
    string IAuditedRead.RecordType => nameof(Incident);

    Tlp IAuditedRead.Tlp => IAuditedRead.LevelOf(Marking);

    /// <summary>Whether the sources that give figures disagree with each other (the page shows them side by side).</summary>
    public bool SourcesDiffer => Sources.Where(s => s.Killed is not null).Select(s => s.Killed).Distinct().Count() > 1
        || Sources.Where(s => s.Injured is not null).Select(s => s.Injured).Distinct().Count() > 1;
}
