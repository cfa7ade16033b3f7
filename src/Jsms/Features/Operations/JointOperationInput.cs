using System.Text.Json;

namespace Jsms.Features.Operations;

/// <summary>
/// The body of a new or changed joint operation: the consent it runs under, a GeoJSON Polygon or MultiPolygon for its
/// area, its period, the participating agencies (codes) with their forces, the partner's personnel assigned (ids of the
/// consent's personnel) and the vehicles with their trackers.
/// </summary>
internal sealed record JointOperationInput(
    string? Name,
    Guid? ConsentId,
    string? Objective,
    JsonElement? Area,
    DateTimeOffset? PeriodStart,
    DateTimeOffset? PeriodEnd,
    string? CommandArrangement,
    List<OperationForceInput>? Forces,
    List<OperationPersonInput>? Personnel,
    List<OperationVehicleInput>? Vehicles);
