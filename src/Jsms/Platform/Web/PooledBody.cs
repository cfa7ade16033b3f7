using System.Buffers;

namespace Jsms.Platform.Web;

/// <summary>
/// An HTTP body held whole in an array rented from the shared pool, returned on <see cref="Dispose"/>. A TAXII page or
/// envelope of 1,000 objects is one to two megabytes: allocated per page, each would land on the large object heap and
/// bring on a full collection every few pages (docs/decisions/0019-page-bodies-from-the-pool.md).
/// </summary>
internal sealed class PooledBody : IDisposable
{
    private byte[]? _array;

    private PooledBody(byte[] array, int length)
    {
        _array = array;
        Length = length;
    }

    public int Length { get; }

    public ReadOnlyMemory<byte> Memory => (_array ?? throw new ObjectDisposedException(nameof(PooledBody))).AsMemory(0, Length);

    /// <summary>A read-only stream over the body.</summary>
    public MemoryStream OpenRead() => new(_array ?? throw new ObjectDisposedException(nameof(PooledBody)), 0, Length, writable: false);

    /// <summary>
    /// Reads <paramref name="stream"/> to its end. <paramref name="expectedLength"/> (a Content-Length) sizes the array at
    /// once; a longer stream still grows it, up to <paramref name="maxLength"/>: a body declared or found longer throws
    /// <see cref="BodyTooLargeException"/> without reading (or keeping) more.
    /// </summary>
    public static async Task<PooledBody> ReadAsync(Stream stream, long? expectedLength, long maxLength, CancellationToken cancellationToken)
    {
        // An array holds at most Array.MaxLength bytes: a larger configured cap is that.
        maxLength = Math.Clamp(maxLength, 0, Array.MaxLength - 1);
        if (expectedLength > maxLength)
        {
            throw new BodyTooLargeException(maxLength);
        }
        // One byte more than the cap, so a body of exactly maxLength bytes ends in a read of 0, and a longer one is seen.
        var ceiling = (int)maxLength + 1;
        var array = ArrayPool<byte>.Shared.Rent((int)Math.Clamp((expectedLength ?? 0) + 1, Math.Min(16 * 1024, ceiling), ceiling));
        var length = 0;
        try
        {
            while (true)
            {
                if (length == array.Length)
                {
                    var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)array.Length * 2, ceiling));
                    array.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(array);
                    array = bigger;
                }
                var read = await stream.ReadAsync(array.AsMemory(length), cancellationToken);
                if (read == 0)
                {
                    return new PooledBody(array, length);
                }
                length += read;
                if (length > maxLength)
                {
                    throw new BodyTooLargeException(maxLength);
                }
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(array);
            throw;
        }
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
