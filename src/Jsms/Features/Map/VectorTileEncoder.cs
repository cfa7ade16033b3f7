using System.Buffers.Binary;
using NetTopologySuite.Geometries;

namespace Jsms.Features.Map;

/// <summary>
/// Writes one Mapbox Vector Tile (spec 2.1, protobuf): layers of features whose geometry is already in tile coordinates
/// (0..extent, y down). Polygons' outer rings are written clockwise and holes anticlockwise on screen, as the spec asks.
/// </summary>
internal sealed class VectorTileEncoder(int extent = 4096)
{
    private readonly List<(string Name, List<(Geometry Geometry, IReadOnlyList<KeyValuePair<string, object>> Tags)> Features)> _layers = [];

    public int Extent => extent;

    public void Add(string layer, Geometry geometry, IReadOnlyList<KeyValuePair<string, object>> tags)
    {
        var entry = _layers.Find(l => l.Name == layer);
        if (entry.Name is null)
        {
            entry = (layer, []);
            _layers.Add(entry);
        }
        entry.Features.Add((geometry, tags));
    }

    public bool IsEmpty => _layers.TrueForAll(l => l.Features.Count == 0);

    public byte[] ToArray()
    {
        var tile = new ProtoWriter();
        foreach (var (name, features) in _layers)
        {
            var layer = new ProtoWriter();
            layer.Varint(15, 2);
            layer.String(1, name);
            var keys = new List<string>();
            var values = new List<object>();
            foreach (var (geometry, tags) in features)
            {
                var commands = new List<uint>();
                var type = Encode(geometry, commands);
                if (commands.Count == 0)
                {
                    continue;
                }
                var feature = new ProtoWriter();
                var tagIndexes = new List<uint>();
                foreach (var (key, value) in tags)
                {
                    var k = keys.IndexOf(key);
                    if (k < 0) { keys.Add(key); k = keys.Count - 1; }
                    var v = values.IndexOf(value);
                    if (v < 0) { values.Add(value); v = values.Count - 1; }
                    tagIndexes.Add((uint)k);
                    tagIndexes.Add((uint)v);
                }
                feature.Packed(2, tagIndexes);
                feature.Varint(3, type);
                feature.Packed(4, commands);
                layer.Message(2, feature);
            }
            keys.ForEach(k => layer.String(3, k));
            foreach (var value in values)
            {
                var v = new ProtoWriter();
                switch (value)
                {
                    case string s: v.String(1, s); break;
                    case double d: v.Double(3, d); break;
                    case int i: v.Varint(4, (ulong)(long)i); break;
                    case long l: v.Varint(4, (ulong)l); break;
                    default: v.String(1, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? ""); break;
                }
                layer.Message(4, v);
            }
            layer.Varint(5, (ulong)extent);
            tile.Message(3, layer);
        }
        return tile.ToArray();
    }

    // Geometry types: 1 point, 2 line, 3 polygon. Commands: MoveTo 1, LineTo 2, ClosePath 7; parameters zigzag deltas.
    private static uint Encode(Geometry geometry, List<uint> commands)
    {
        var cursor = (X: 0, Y: 0);
        switch (geometry)
        {
            case Point or MultiPoint:
                var points = geometry.Coordinates;
                commands.Add(Command(1, points.Length));
                foreach (var c in points) { Delta(commands, ref cursor, c); }
                return 1;
            case LineString or MultiLineString:
                for (var i = 0; i < geometry.NumGeometries; i++)
                {
                    Path(commands, ref cursor, Snap(((LineString)geometry.GetGeometryN(i)).Coordinates), closed: false);
                }
                return 2;
            case Polygon or MultiPolygon:
                for (var i = 0; i < geometry.NumGeometries; i++)
                {
                    var polygon = (Polygon)geometry.GetGeometryN(i);
                    Path(commands, ref cursor, Oriented(Snap(polygon.ExteriorRing.Coordinates), clockwise: true), closed: true);
                    foreach (var hole in polygon.InteriorRings)
                    {
                        Path(commands, ref cursor, Oriented(Snap(hole.Coordinates), clockwise: false), closed: true);
                    }
                }
                return 3;
            default:
                return 0;
        }
    }

    private static List<(int X, int Y)> Snap(Coordinate[] coordinates)
    {
        var result = new List<(int X, int Y)>(coordinates.Length);
        foreach (var c in coordinates)
        {
            var p = ((int)Math.Round(c.X), (int)Math.Round(c.Y));
            if (result.Count == 0 || result[^1] != p) { result.Add(p); }
        }
        return result;
    }

    // With y pointing down, a positive shoelace sum is clockwise on screen.
    private static List<(int X, int Y)> Oriented(List<(int X, int Y)> ring, bool clockwise)
    {
        long area = 0;
        for (var i = 0; i < ring.Count - 1; i++) { area += (long)ring[i].X * ring[i + 1].Y - (long)ring[i + 1].X * ring[i].Y; }
        if (area != 0 && (area > 0) != clockwise) { ring.Reverse(); }
        return ring;
    }

    private static void Path(List<uint> commands, ref (int X, int Y) cursor, List<(int X, int Y)> points, bool closed)
    {
        if (closed && points.Count > 1 && points[0] == points[^1]) { points.RemoveAt(points.Count - 1); }
        if (points.Count < (closed ? 3 : 2)) { return; }
        commands.Add(Command(1, 1));
        Delta(commands, ref cursor, points[0]);
        commands.Add(Command(2, points.Count - 1));
        for (var i = 1; i < points.Count; i++) { Delta(commands, ref cursor, points[i]); }
        if (closed) { commands.Add(Command(7, 1)); }
    }

    private static void Delta(List<uint> commands, ref (int X, int Y) cursor, Coordinate c) => Delta(commands, ref cursor, ((int)Math.Round(c.X), (int)Math.Round(c.Y)));

    private static void Delta(List<uint> commands, ref (int X, int Y) cursor, (int X, int Y) p)
    {
        commands.Add(ZigZag(p.X - cursor.X));
        commands.Add(ZigZag(p.Y - cursor.Y));
        cursor = p;
    }

    private static uint Command(int id, int count) => (uint)((id & 0x7) | (count << 3));

    private static uint ZigZag(int n) => (uint)((n << 1) ^ (n >> 31));

    /// <summary>The few protobuf encodings a vector tile needs.</summary>
    private sealed class ProtoWriter
    {
        private readonly List<byte> _bytes = [];

        public void Varint(int field, ulong value) { Key(field, 0); Raw(value); }

        public void String(int field, string value) => Bytes(field, System.Text.Encoding.UTF8.GetBytes(value));

        public void Double(int field, double value)
        {
            Key(field, 1);
            Span<byte> buffer = stackalloc byte[8];
            BinaryPrimitives.WriteDoubleLittleEndian(buffer, value);
            _bytes.AddRange(buffer);
        }

        public void Packed(int field, List<uint> values)
        {
            if (values.Count == 0) { return; }
            var inner = new ProtoWriter();
            values.ForEach(v => inner.Raw(v));
            Bytes(field, inner.ToArray());
        }

        public void Message(int field, ProtoWriter message) => Bytes(field, message.ToArray());

        public byte[] ToArray() => [.. _bytes];

        private void Bytes(int field, byte[] bytes)
        {
            Key(field, 2);
            Raw((ulong)bytes.Length);
            _bytes.AddRange(bytes);
        }

        private void Key(int field, int wireType) => Raw((ulong)((field << 3) | wireType));

        private void Raw(ulong value)
        {
            while (value >= 0x80)
            {
                _bytes.Add((byte)(value | 0x80));
                value >>= 7;
            }
            _bytes.Add((byte)value);
        }
    }
}
