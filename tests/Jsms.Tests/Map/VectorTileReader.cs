using System.Text;

namespace Jsms.Tests.Map;

/// <summary>Reads what the tests check in a Mapbox vector tile: each layer's name, feature count and string values.</summary>
internal static class VectorTileReader
{
    public static Dictionary<string, (int Features, List<string> Strings)> Layers(byte[] tile)
    {
        var result = new Dictionary<string, (int, List<string>)>();
        foreach (var (field, layer) in Fields(tile))
        {
            if (field != 3 || layer is not byte[] bytes) { continue; }
            string name = "";
            var features = 0;
            var strings = new List<string>();
            foreach (var (f, value) in Fields(bytes))
            {
                if (f == 1 && value is byte[] n) { name = Encoding.UTF8.GetString(n); }
                if (f == 2) { features++; }
                if (f == 4 && value is byte[] v)
                {
                    strings.AddRange(Fields(v).Where(p => p.Field == 1 && p.Value is byte[]).Select(p => Encoding.UTF8.GetString((byte[])p.Value)));
                }
            }
            result[name] = (features, strings);
        }
        return result;
    }

    private static List<(int Field, object Value)> Fields(byte[] data)
    {
        var fields = new List<(int, object)>();
        var i = 0;
        while (i < data.Length)
        {
            var key = Varint(data, ref i);
            var field = (int)(key >> 3);
            switch (key & 7)
            {
                case 0: fields.Add((field, Varint(data, ref i))); break;
                case 1: fields.Add((field, BitConverter.ToDouble(data, i))); i += 8; break;
                case 2:
                    var length = (int)Varint(data, ref i);
                    fields.Add((field, data[i..(i + length)]));
                    i += length;
                    break;
                case 5: i += 4; break;
                default: throw new InvalidDataException("unexpected wire type");
            }
        }
        return fields;
    }

    private static ulong Varint(byte[] data, ref int i)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = data[i++];
            value |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80) { return value; }
        }
    }
}
