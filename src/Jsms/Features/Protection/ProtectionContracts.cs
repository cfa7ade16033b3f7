using Jsms.Features.Audit;
using System.Text.Json;
using Jsms.Features.Access;

namespace Jsms.Features.Protection;

public sealed record PersonRequest(string? Name, string? Nationality, string? Employer, string? Project,
    string? PassportNumber, string? Phone, MarkingInput? Marking);

/// <summary><see cref="IdentifiersMasked"/> is true when the caller may not see passport number and phone in clear.</summary>
public sealed record PersonDto(Guid Id, string Name, string Nationality, string? Employer, string? Project,
    string? PassportNumber, string? Phone, bool IdentifiersMasked, MarkingDto Marking) : IAuditedRead
{
    string IAuditedRead.RecordType => nameof(ProtectedPerson);

    Tlp IAuditedRead.Tlp => IAuditedRead.LevelOf(Marking);

    /// <summary>Passport number or phone shown in clear is audited at every level.</summary>
    string? IAuditedRead.Discloses => !IdentifiersMasked && (PassportNumber is not null || Phone is not null) ? "identifiers shown" : null;
}

public sealed record SiteRequest(string? Name, string? Project, JsonElement? Perimeter, double? WatchDistanceMetres,
    int? LoiteringThresholdMinutes, string? SecurityLevel, string? Contacts, MarkingInput? Marking);

public sealed record SiteDto(Guid Id, string Name, string? Project, JsonElement Perimeter, double WatchDistanceMetres,
    int LoiteringThresholdMinutes, SecurityLevel SecurityLevel, string? Contacts, MarkingDto Marking) : IAuditedRead
{
    string IAuditedRead.RecordType => nameof(Site);

    Tlp IAuditedRead.Tlp => IAuditedRead.LevelOf(Marking);
}

public sealed record CheckpointDto(string? Name, double? Latitude, double? Longitude, DateTime? ExpectedAt);

/// <summary>A movement is need-to-know: its marking's recipients are its named list; the level is always RED.</summary>
public sealed record MovementRequest(string? Name, string? Status, Guid[]? Principals, string[]? Vehicles, string[]? Escort,
    JsonElement? Route, double? CorridorMetres, CheckpointDto[]? Checkpoints,
    DateTime? DepartEarliest, DateTime? DepartLatest, DateTime? ArriveEarliest, DateTime? ArriveLatest, MarkingInput? Marking);

public sealed record MovementSummaryDto(Guid Id, string Name, MovementStatus Status, MarkingDto Marking) : IAuditedRead
{
    string IAuditedRead.RecordType => nameof(Movement);

    Tlp IAuditedRead.Tlp => IAuditedRead.LevelOf(Marking);
}

public sealed record MovementDto(Guid Id, string Name, MovementStatus Status, IReadOnlyList<Guid> Principals,
    IReadOnlyList<string> Vehicles, IReadOnlyList<string> Escort, JsonElement? Route, double CorridorMetres,
    IReadOnlyList<CheckpointDto> Checkpoints, DateTime? DepartEarliest, DateTime? DepartLatest,
    DateTime? ArriveEarliest, DateTime? ArriveLatest, MarkingDto Marking) : IAuditedRead
{
    string IAuditedRead.RecordType => nameof(Movement);

    Tlp IAuditedRead.Tlp => IAuditedRead.LevelOf(Marking);
}

/// <summary>A movement as the map draws it: its route (GeoJSON LineString) and corridor.</summary>
public sealed record MovementRouteDto(Guid Id, string Name, MovementStatus Status, JsonElement Route, double CorridorMetres, MarkingDto Marking);

/// <summary>One look at a movement, from the audit log.</summary>
public sealed record MovementAccessDto(long Sequence, DateTime Timestamp, string UserName, string? Agency, string Action, string? Detail, string? RemoteAddress);
