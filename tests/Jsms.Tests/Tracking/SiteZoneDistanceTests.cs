using Jsms.Platform.Access;
using Jsms.Features.Protection;
using Jsms.Features.Tracking;
using NetTopologySuite.Geometries;

namespace Jsms.Tests.Tracking;

/// <summary>The engine measures distance to a perimeter by hand; it must agree with the geometry library everywhere.</summary>
public sealed class SiteZoneDistanceTests
{
    [Fact]
    public void Distance_to_a_perimeter_with_a_hole_agrees_with_the_geometry_library_inside_outside_and_in_the_hole()
    {
        var factory = new GeometryFactory();
        // An irregular airport-sized perimeter near Karachi with a hole (a zone excluded from the site).
        var shell = factory.CreateLinearRing([
            new(67.150, 24.890), new(67.175, 24.885), new(67.185, 24.900), new(67.170, 24.915), new(67.160, 24.905), new(67.150, 24.890)]);
        var hole = factory.CreateLinearRing([new(67.165, 24.895), new(67.172, 24.895), new(67.170, 24.902), new(67.165, 24.895)]);
        var polygon = factory.CreatePolygon(shell, [hole]);
        var zone = new SiteZone(Guid.NewGuid(), "Airport", polygon, 500, 30, SecurityLevel.High, Guid.NewGuid(), Tlp.Amber, Guid.NewGuid());

        var centre = polygon.EnvelopeInternal.Centre;
        var projection = new LocalProjection(centre.Y, centre.X);
        var projected = projection.Project(polygon);
        var random = new Random(11);
        var (inside, inHole, outside) = (0, 0, 0);
        for (var i = 0; i < 20_000; i++)
        {
            double lat = 24.875 + random.NextDouble() * 0.05, lon = 67.140 + random.NextDouble() * 0.055;
            var expected = projected.Distance(factory.CreatePoint(projection.Project(lat, lon)));
            Assert.Equal(expected, zone.DistanceMetres(lat, lon), 6);
            if (expected == 0)
            {
                inside++;
            }
            else if (factory.CreatePolygon(hole).Contains(factory.CreatePoint(new Coordinate(lon, lat))))
            {
                inHole++;
            }
            else
            {
                outside++;
            }
        }
        // The sample covered all three cases.
        Assert.All(new[] { inside, inHole, outside }, n => Assert.True(n > 100, $"{inside} inside, {inHole} in the hole, {outside} outside"));
    }
}
