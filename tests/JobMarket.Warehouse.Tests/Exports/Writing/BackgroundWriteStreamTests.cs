using JobMarket.Warehouse.Runner.Exports.Writing;

namespace JobMarket.Warehouse.Tests.Exports.Writing;

public sealed class BackgroundWriteStreamTests
{
    [Fact]
    public void Complete_LeavesEveryByteInOrder_WhenWritesSpanManyChunks()
    {
        var data = new byte[1_000_003];
        new Random(7).NextBytes(data);
        var inner = new MemoryStream();

        using (var stream = new BackgroundWriteStream(inner))
        {
            // Uneven pieces, so chunk boundaries fall inside writes.
            for (var offset = 0; offset < data.Length; offset += 9_973)
            {
                stream.Write(data, offset, Math.Min(9_973, data.Length - offset));
            }
            stream.Complete();
            Assert.Equal(data, inner.ToArray());
        }
        Assert.False(inner.CanWrite); // owned: closed with the stream
    }

    [Fact]
    public void Complete_ThrowsTheInnerStreamsError_WhenTheBackgroundWriteFails()
    {
        using var stream = new BackgroundWriteStream(new FullDisk(capacity: 200_000));

        var error = Assert.Throws<IOException>(() =>
        {
            for (var i = 0; i < 100; i++)
            {
                stream.Write(new byte[10_000]);
            }
            stream.Complete();
        });

        Assert.Equal("No space left on device", error.Message);
    }

    [Fact]
    public void Dispose_DiscardsPendingChunks_WhenNotCompleted()
    {
        var inner = new MemoryStream();
        var stream = new BackgroundWriteStream(inner);
        stream.Write(new byte[100]);

        stream.Dispose();

        Assert.False(inner.CanWrite);
        Assert.Throws<ObjectDisposedException>(() => stream.Write(new byte[1]));
    }

    /// <summary>Accepts <c>capacity</c> bytes, then fails the way a full disk does.</summary>
    private sealed class FullDisk(long capacity) : MemoryStream
    {
        public override void Write(byte[] buffer, int offset, int count)
        {
            if (Length + count > capacity)
            {
                throw new IOException("No space left on device");
            }
            base.Write(buffer, offset, count);
        }
    }
}
