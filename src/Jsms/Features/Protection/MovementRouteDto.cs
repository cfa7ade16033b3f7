using System.Text.Json;
using Jsms.Platform.Access;

namespace Jsms.Features.Protection;

/// <summary>A movement as the map draws it: its route (GeoJSON LineString) and corridor.</summary>
internal sealed record MovementRouteDto(Guid Id, string Name, MovementStatus Status, JsonElement Route, double CorridorMetres, MarkingDto Marking);
