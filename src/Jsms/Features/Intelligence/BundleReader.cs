using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Jsms.Features.Intelligence;

/// <summary>
/// Reads the <c>objects</c> array of a STIX bundle or a TAXII envelope from a stream, one object at a
/// time: only the object being parsed is held in memory, so a 100 MB bundle is never loaded whole.
/// A body that is not JSON, or has no <c>objects</c> array, throws <see cref="JsonException"/>.
/// </summary>
internal static class BundleReader
{
    public const int MaxObjectBytes = 16 * 1024 * 1024;

    private enum Phase { Start, Properties, SkipValue, ObjectsStart, Objects, Done }

    public static async IAsyncEnumerable<BundleItem> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            var length = 0;
            var final = false;
            var state = new JsonReaderState();
            var phase = Phase.Start;
            var index = 0;
            var sawObjects = false;
            var items = new List<BundleItem>();
            while (phase != Phase.Done)
            {
                if (!final)
                {
                    if (length == buffer.Length)
                    {
                        if (buffer.Length >= MaxObjectBytes)
                        {
                            throw new JsonException($"An object in the bundle is larger than {MaxObjectBytes / (1024 * 1024)} MB.");
                        }
                        var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        buffer.AsSpan(0, length).CopyTo(bigger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = bigger;
                    }
                    var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken);
                    length += read;
                    final = read == 0;
                }
                var consumed = Step(buffer.AsSpan(0, length), final, ref state, ref phase, ref index, ref sawObjects, items);
                foreach (var item in items)
                {
                    yield return item;
                }
                items.Clear();
                buffer.AsSpan(consumed, length - consumed).CopyTo(buffer);
                length -= consumed;
                if (final && phase != Phase.Done)
                {
                    throw new JsonException("The body ended before the JSON was complete.");
                }
            }
            if (!sawObjects)
            {
                throw new JsonException("The body has no 'objects' array.");
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads as many whole tokens and objects as the buffer holds; returns the bytes consumed.</summary>
    private static int Step(ReadOnlySpan<byte> data, bool final, ref JsonReaderState state, ref Phase phase, ref int index,
        ref bool sawObjects, List<BundleItem> items)
    {
        var reader = new Utf8JsonReader(data, final, state);
        while (phase != Phase.Done)
        {
            var before = reader;
            if (!reader.Read())
            {
                break;
            }
            switch (phase)
            {
                case Phase.Start:
                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        throw new JsonException("A bundle or envelope must be a JSON object.");
                    }
                    phase = Phase.Properties;
                    break;
                case Phase.Properties:
                    if (reader.TokenType == JsonTokenType.EndObject)
                    {
                        phase = Phase.Done;
                    }
                    else if (reader.ValueTextEquals("objects"u8))
                    {
                        phase = Phase.ObjectsStart;
                    }
                    else
                    {
                        phase = Phase.SkipValue;
                    }
                    break;
                case Phase.SkipValue:
                    if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    {
                        var probe = reader;
                        if (!probe.TrySkip())
                        {
                            return Commit(ref state, before);
                        }
                        reader.TrySkip();
                    }
                    phase = Phase.Properties;
                    break;
                case Phase.ObjectsStart:
                    if (reader.TokenType != JsonTokenType.StartArray)
                    {
                        throw new JsonException("'objects' must be an array.");
                    }
                    sawObjects = true;
                    phase = Phase.Objects;
                    break;
                case Phase.Objects:
                    if (reader.TokenType == JsonTokenType.EndArray)
                    {
                        phase = Phase.Properties;
                        break;
                    }
                    if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    {
                        var probe = reader;
                        if (!probe.TrySkip())
                        {
                            return Commit(ref state, before);
                        }
                    }
                    if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        // The object's bytes as received (the skip above checked their syntax): the importer reads its
                        // fields in one pass over them and stores them unchanged when their marking is already the one
                        // JSMS writes (docs/decisions/0014-exchange-receiving-shape.md); no document per object.
                        var start = (int)reader.TokenStartIndex;
                        reader.TrySkip();
                        items.Add(new BundleItem(index++, data[start..(int)reader.BytesConsumed].ToArray(), null));
                    }
                    else
                    {
                        reader.TrySkip();
                        items.Add(new BundleItem(index++, null, "not a JSON object"));
                    }
                    break;
            }
        }
        state = reader.CurrentState;
        return (int)reader.BytesConsumed;
    }

    /// <summary>Stops before the token <paramref name="before"/> was read, to re-read it once more data has arrived.</summary>
    private static int Commit(ref JsonReaderState state, Utf8JsonReader before)
    {
        state = before.CurrentState;
        return (int)before.BytesConsumed;
    }
}
