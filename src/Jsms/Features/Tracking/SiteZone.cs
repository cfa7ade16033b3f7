using Jsms.Features.Protection;
using Jsms.Platform.Access;
using NetTopologySuite.Geometries;

namespace Jsms.Features.Tracking;

/// <summary>A site as the engine holds it: perimeter projected to metres around the site, watch distance, threshold, marking.</summary>
internal sealed class SiteZone
{
    public SiteZone(Guid id, string name, Polygon perimeter, double watchMetres, int thresholdMinutes, SecurityLevel level,
        Guid ownerAgencyId, Tlp tlp, Guid createdByUserId)
    {
        Id = id;
        Name = name;
        WatchMetres = watchMetres;
        Threshold = TimeSpan.FromMinutes(thresholdMinutes);
        Level = level;
        OwnerAgencyId = ownerAgencyId;
        Tlp = tlp;
        CreatedByUserId = createdByUserId;
        var centre = perimeter.EnvelopeInternal.Centre;
        Projection = new LocalProjection(centre.Y, centre.X);
        var projected = (Polygon)Projection.Project(perimeter);
        _rings = [Ring(projected.ExteriorRing), .. projected.InteriorRings.Select(Ring)];
        var (dLat, dLon) = Projection.Degrees(watchMetres * 1.01 + 1);
        var envelope = new Envelope(perimeter.EnvelopeInternal);
        envelope.ExpandBy(dLon, dLat);
        Envelope = envelope;
    }

    public Guid Id { get; }
    public string Name { get; }
    public double WatchMetres { get; }
    public TimeSpan Threshold { get; }
    public SecurityLevel Level { get; }
    public Guid OwnerAgencyId { get; }
    public Tlp Tlp { get; }
    public Guid CreatedByUserId { get; }
    public Envelope Envelope { get; }
    private LocalProjection Projection { get; }

    // The perimeter projected to metres: exterior ring then holes, each as x0, y0, x1, y1, ... closed (last = first).
    private readonly double[][] _rings;

    private static double[] Ring(LineString ring)
    {
        var coordinates = ring.Coordinates;
        var xy = new double[coordinates.Length * 2];
        for (var i = 0; i < coordinates.Length; i++)
        {
            xy[2 * i] = coordinates[i].X;
            xy[2 * i + 1] = coordinates[i].Y;
        }
        return xy;
    }

    /// <summary>
    /// Distance in metres from the perimeter (0 inside it). Written out rather than through a geometry library: this runs
    /// for every observation near a site, and the general distance operation allocated and cost microseconds each time.
    /// </summary>
    public double DistanceMetres(double latitude, double longitude)
    {
        var p = Projection.Project(latitude, longitude);
        var (x, y) = (p.X, p.Y);
        var inside = false;
        var nearest = double.MaxValue;
        foreach (var ring in _rings)
        {
            for (var i = 0; i + 3 < ring.Length; i += 2)
            {
                double x0 = ring[i], y0 = ring[i + 1], x1 = ring[i + 2], y1 = ring[i + 3];
                // Even-odd rule over all rings: inside the exterior and outside every hole.
                if ((y0 > y) != (y1 > y) && x < x0 + (y - y0) * (x1 - x0) / (y1 - y0))
                {
                    inside = !inside;
                }
                nearest = Math.Min(nearest, SegmentDistanceSquared(x, y, x0, y0, x1, y1));
            }
        }
        return inside ? 0 : Math.Sqrt(nearest);
    }

    private static double SegmentDistanceSquared(double x, double y, double x0, double y0, double x1, double y1)
    {
        double dx = x1 - x0, dy = y1 - y0;
        var length = dx * dx + dy * dy;
        var t = length == 0 ? 0 : Math.Clamp(((x - x0) * dx + (y - y0) * dy) / length, 0, 1);
        double ex = x - (x0 + t * dx), ey = y - (y0 + t * dy);
        return ex * ex + ey * ey;
    }

    /// <summary>Inside the watch zone: the perimeter buffered by the watch distance.</summary>
    public bool InWatchZone(double latitude, double longitude) => DistanceMetres(latitude, longitude) <= WatchMetres;
}
