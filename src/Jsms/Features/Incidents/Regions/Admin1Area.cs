using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace Jsms.Features.Incidents;

/// <summary>
/// One first-level administrative area: its country (ISO 3166-1 alpha-2), name, HASC code ("PK.SD"), outline (for finding
/// the area of a point) and its simplified outline as GeoJSON (what the heat view sends).
/// </summary>
internal sealed record Admin1Area(string Country, string Name, string Code, Geometry Geometry, IPreparedGeometry Prepared, string GeometryJson);
