using System.Buffers;

namespace Jsms.Platform.Web;

/// <summary>
/// A growing buffer of arrays rented from the shared pool, returned on <see cref="Dispose"/>: for a document written once
/// and dropped (a TAXII status of 1,000 objects is about 100 KB, which a <see cref="MemoryStream"/> or an
/// <see cref="ArrayBufferWriter{T}"/> would place on the large object heap, regrowing on the way).
/// </summary>
internal sealed class PooledBufferWriter(int initialCapacity = 16 * 1024) : IBufferWriter<byte>, IDisposable
{
    private byte[]? _array = ArrayPool<byte>.Shared.Rent(initialCapacity);
    private int _written;

    public ReadOnlySpan<byte> WrittenSpan => Rented.AsSpan(0, _written);

    private byte[] Rented => _array ?? throw new ObjectDisposedException(nameof(PooledBufferWriter));

    public void Advance(int count)
    {
        if (count < 0 || _written + count > Rented.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(count));
        }
        _written += count;
    }

    // Reserve first: it may swap the array for a bigger one.
    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        var start = Reserve(sizeHint);
        return Rented.AsMemory(start);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        var start = Reserve(sizeHint);
        return Rented.AsSpan(start);
    }

    /// <summary>Makes room for at least <paramref name="sizeHint"/> bytes (one if 0) and returns where they start.</summary>
    private int Reserve(int sizeHint)
    {
        var needed = (long)_written + Math.Max(sizeHint, 1);
        if (needed > Rented.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min(Math.Max(needed, (long)Rented.Length * 2), Array.MaxLength));
            Rented.AsSpan(0, _written).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(Rented);
            _array = bigger;
        }
        return _written;
    }

    public void Dispose()
    {
        if (_array is { } array)
        {
            _array = null;
            ArrayPool<byte>.Shared.Return(array);
        }
    }
}
