using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace Jsms.Features.Incidents;

/// <summary>
/// One first-level administrative area: its country (ISO 3166-1 alpha-2), name, HASC code ("PK.SD"), outline (for finding
/// the area of a point) and its simplified outline as GeoJSON (what the heat view sends), made on first use: a request
/// draws the areas of a few countries, so the others are never simplified.
/// </summary>
internal sealed class Admin1Area(string country, string name, string code, Geometry geometry, Func<Geometry, string> simplify)
{
    private readonly Lazy<string> _json = new(() => simplify(geometry));
    private readonly Lazy<IPreparedGeometry> _prepared = new(() => PreparedGeometryFactory.Prepare(geometry));

    public string Country { get; } = country;

    public string Name { get; } = name;

    public string Code { get; } = code;

    public Geometry Geometry { get; } = geometry;

    public IPreparedGeometry Prepared => _prepared.Value;

    public string GeometryJson => _json.Value;
}
