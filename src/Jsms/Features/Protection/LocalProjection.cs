using NetTopologySuite.Geometries;

namespace Jsms.Features.Protection;

/// <summary>
/// An equirectangular projection centred on a site: x east and y north in metres. Over the few
/// kilometres of a site and its watch zone the error is well under a metre per kilometre, so planar
/// distances in this frame are distances on the ground.
/// </summary>
internal sealed class LocalProjection(double originLatitude, double originLongitude)
{
    private readonly double _metresPerDegreeLat = Geo.EarthRadiusMetres * Math.PI / 180;
    private readonly double _metresPerDegreeLon = Geo.EarthRadiusMetres * Math.PI / 180 * Math.Cos(originLatitude * Math.PI / 180);

    public Coordinate Project(double latitude, double longitude)
        => new((longitude - originLongitude) * _metresPerDegreeLon, (latitude - originLatitude) * _metresPerDegreeLat);

    public Geometry Project(Geometry geometry)
    {
        var copy = geometry.Copy();
        copy.Apply(new ProjectFilter(this));
        copy.GeometryChanged();
        return copy;
    }

    /// <summary>Degrees of latitude and of longitude that a distance in metres covers at the origin (for envelopes).</summary>
    public (double Lat, double Lon) Degrees(double metres) => (metres / _metresPerDegreeLat, metres / _metresPerDegreeLon);

    private sealed class ProjectFilter(LocalProjection projection) : ICoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            var projected = projection.Project(seq.GetY(i), seq.GetX(i));
            seq.SetX(i, projected.X);
            seq.SetY(i, projected.Y);
        }
    }
}
