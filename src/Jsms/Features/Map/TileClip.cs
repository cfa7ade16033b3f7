using NetTopologySuite.Geometries;

namespace Jsms.Features.Map;

/// <summary>Cuts a tile's share out of its parent's geometry: what lies inside the clip box, polygons ring by ring.</summary>
internal static class TileClip
{
    private static readonly GeometryFactory Factory = new();

    public static List<Geometry> Clip(List<Geometry> geometries, Envelope clip)
    {
        var result = new List<Geometry>();
        Geometry? box = null;
        foreach (var g in geometries)
        {
            var envelope = g.EnvelopeInternal;
            if (!clip.Intersects(envelope)) { continue; }
            if (clip.Contains(envelope)) { result.Add(g); continue; }
            if (g is Polygon polygon)
            {
                // Rings clipped edge by edge (Sutherland-Hodgman): linear in the vertices, where an overlay is not; the
                // result may run along the tile's edge, which the buffer keeps out of sight.
                var shell = ClipRing(polygon.Shell.Coordinates, clip);
                if (shell is null) { continue; }
                var holes = polygon.Holes.Select(h => ClipRing(h.Coordinates, clip)).OfType<LinearRing>().ToArray();
                result.Add(Factory.CreatePolygon(shell, holes));
                continue;
            }
            box ??= Factory.ToGeometry(clip);
            var cut = g.Intersection(box);
            for (var i = 0; i < cut.NumGeometries; i++)
            {
                var part = cut.GetGeometryN(i);
                if (!part.IsEmpty && part.Dimension == g.Dimension) { result.Add(part); }
            }
        }
        return result;
    }

    private static LinearRing? ClipRing(Coordinate[] ring, Envelope clip)
    {
        var points = new List<Coordinate>(ring);
        points.RemoveAt(points.Count - 1);
        points = ClipEdge(points, c => c.X >= clip.MinX, (a, b) => AtX(a, b, clip.MinX));
        points = ClipEdge(points, c => c.X <= clip.MaxX, (a, b) => AtX(a, b, clip.MaxX));
        points = ClipEdge(points, c => c.Y >= clip.MinY, (a, b) => AtY(a, b, clip.MinY));
        points = ClipEdge(points, c => c.Y <= clip.MaxY, (a, b) => AtY(a, b, clip.MaxY));
        if (points.Count < 3) { return null; }
        points.Add(points[0].Copy());
        return Factory.CreateLinearRing([.. points]);
    }

    private static List<Coordinate> ClipEdge(List<Coordinate> points, Func<Coordinate, bool> inside, Func<Coordinate, Coordinate, Coordinate> cut)
    {
        var result = new List<Coordinate>(points.Count);
        for (var i = 0; i < points.Count; i++)
        {
            var current = points[i];
            var previous = points[(i + points.Count - 1) % points.Count];
            if (inside(current))
            {
                if (!inside(previous)) { result.Add(cut(previous, current)); }
                result.Add(current);
            }
            else if (inside(previous))
            {
                result.Add(cut(previous, current));
            }
        }
        return result;
    }

    private static Coordinate AtX(Coordinate a, Coordinate b, double x) => new(x, a.Y + (x - a.X) / (b.X - a.X) * (b.Y - a.Y));

    private static Coordinate AtY(Coordinate a, Coordinate b, double y) => new(a.X + (y - a.Y) / (b.Y - a.Y) * (b.X - a.X), y);
}
