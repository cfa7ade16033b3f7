using Jsms.Platform.Web;

namespace Jsms.Tests.Platform;

/// <summary>
/// A page-sized body read whole into a pooled array (Platform/Web/PooledBody) is kept exactly, up to its cap and not a
/// byte beyond: a partner's page or a TAXII POST that is longer, declared or streamed without a length, is refused.
/// </summary>
public sealed class PooledBodyTests
{
    private static byte[] Bytes(int length) => [.. Enumerable.Range(0, length).Select(i => (byte)(i % 251))];

    /// <summary>A stream that hands out at most a few bytes per read, as a slow network does.</summary>
    private sealed class TrickleStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            => base.ReadAsync(buffer[..Math.Min(buffer.Length, 7_777)], cancellationToken);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(16 * 1024)]
    [InlineData(100_000)]
    public async Task A_body_up_to_its_cap_is_kept_byte_for_byte_with_or_without_a_declared_length(int length)
    {
        var sent = Bytes(length);
        using var declared = await PooledBody.ReadAsync(new TrickleStream(sent), length, maxLength: 100_000, CancellationToken.None);
        using var streamed = await PooledBody.ReadAsync(new TrickleStream(sent), null, maxLength: 100_000, CancellationToken.None);

        Assert.Equal(sent, declared.Memory.ToArray());
        Assert.Equal(sent, streamed.Memory.ToArray());
        Assert.Equal(sent, streamed.OpenRead().ToArray());
    }

    [Fact]
    public async Task A_body_one_byte_over_its_cap_is_refused_whether_declared_or_streamed()
    {
        var sent = Bytes(100_001);

        var declared = await Assert.ThrowsAsync<BodyTooLargeException>(
            () => PooledBody.ReadAsync(new TrickleStream(sent), sent.Length, maxLength: 100_000, CancellationToken.None));
        var streamed = await Assert.ThrowsAsync<BodyTooLargeException>(
            () => PooledBody.ReadAsync(new TrickleStream(sent), null, maxLength: 100_000, CancellationToken.None));
        // Declared shorter than it is: the cap still holds.
        var understated = await Assert.ThrowsAsync<BodyTooLargeException>(
            () => PooledBody.ReadAsync(new TrickleStream(sent), 10, maxLength: 100_000, CancellationToken.None));

        Assert.All([declared, streamed, understated], e => Assert.Equal(100_000, e.Limit));
    }

    [Fact]
    public async Task A_disposed_body_cannot_be_read_any_more()
    {
        var body = await PooledBody.ReadAsync(new MemoryStream(Bytes(10)), 10, maxLength: 100, CancellationToken.None);
        body.Dispose();
        body.Dispose();

        Assert.Throws<ObjectDisposedException>(() => body.Memory);
        Assert.Throws<ObjectDisposedException>(() => body.OpenRead());
    }

    [Fact]
    public void A_document_written_through_the_pooled_writer_keeps_every_byte_as_it_grows()
    {
        // From 16 bytes to about 300 KB: many regrowths, each copying what was written into a bigger rented array.
        using var pooled = new PooledBufferWriter(initialCapacity: 16);
        var plain = new System.Buffers.ArrayBufferWriter<byte>();
        foreach (var target in new System.Buffers.IBufferWriter<byte>[] { pooled, plain })
        {
            using var w = new System.Text.Json.Utf8JsonWriter(target);
            w.WriteStartArray();
            for (var i = 0; i < 5_000; i++)
            {
                w.WriteStringValue($"entry {i} é 東京");
            }
            w.WriteEndArray();
        }
        var room = pooled.GetSpan(70_000).Length;
        Assert.True(room >= 70_000);

        Assert.True(plain.WrittenCount > 100_000);
        Assert.Equal(plain.WrittenSpan.ToArray(), pooled.WrittenSpan.ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => pooled.Advance(room + 1));
    }
}
