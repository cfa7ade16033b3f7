using System.Text.Json;

namespace Jsms.Features.Operations;

/// <summary>
/// The body of a new or changed consent request. <see cref="HostState"/> is an ISO code, <see cref="Authorities"/> the
/// codes of the host-state agencies that must decide, <see cref="Area"/> a GeoJSON Polygon or MultiPolygon.
/// A standing request without an end lasts a year; the decision deadline defaults to the period's start.
/// </summary>
internal sealed record ConsentRequestInput(
    string? HostState,
    List<string>? Authorities,
    string? Kind,
    string? Purpose,
    JsonElement? Area,
    DateTimeOffset? PeriodStart,
    DateTimeOffset? PeriodEnd,
    bool Standing,
    string? Exclusions,
    List<PersonnelInput>? Personnel,
    List<VehicleInput>? Vehicles,
    List<EquipmentInput>? Equipment,
    string? RulesOfEngagement,
    DateTimeOffset? DecisionDeadline);
