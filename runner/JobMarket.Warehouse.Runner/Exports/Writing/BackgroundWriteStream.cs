using System.Collections.Concurrent;

namespace JobMarket.Warehouse.Runner.Exports.Writing;

/// <summary>
/// A write-only stream that hands what is written, in 64 KiB chunks, to a background thread
/// writing into the inner stream. Over a zip entry this moves the deflating off the thread that
/// formats the cells. At most four chunks exist, so memory stays flat; the writer waits when
/// the background falls behind. Call <see cref="Complete"/> to finish: it writes the rest and
/// throws the background's error if there was one (disposing alone discards). Owns the inner
/// stream: disposing closes it.
/// </summary>
internal sealed class BackgroundWriteStream : Stream
{
    private const int ChunkSize = 1 << 16;
    private const int Chunks = 4;

    private readonly Stream _inner;
    private readonly BlockingCollection<(byte[] Chunk, int Length)> _full = new(Chunks);
    private readonly BlockingCollection<byte[]> _free = new(Chunks);
    private readonly CancellationTokenSource _failed = new();
    private readonly Task _drain;
    private byte[] _chunk = new byte[ChunkSize];
    private int _length;
    private bool _done;

    public BackgroundWriteStream(Stream inner)
    {
        _inner = inner;
        for (var i = 1; i < Chunks; i++)
        {
            _free.Add(new byte[ChunkSize]);
        }
        _drain = Task.Factory.StartNew(Drain, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => !_done;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_done, this);
        while (!buffer.IsEmpty)
        {
            var take = Math.Min(buffer.Length, ChunkSize - _length);
            buffer[..take].CopyTo(_chunk.AsSpan(_length));
            _length += take;
            buffer = buffer[take..];
            if (_length == ChunkSize)
            {
                HandOff();
            }
        }
    }

    /// <summary>Hands over the current partial chunk; it is written in the background.</summary>
    public override void Flush()
    {
        if (_length > 0)
        {
            HandOff();
        }
    }

    /// <summary>Writes everything still pending into the inner stream; throws the background's error.</summary>
    public void Complete()
    {
        Flush();
        _done = true;
        _full.CompleteAdding();
        _drain.GetAwaiter().GetResult();
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_full.IsAddingCompleted)
        {
            // Not completed: an error is under way; stop the background and drop what is pending.
            _done = true;
            _failed.Cancel();
            _full.CompleteAdding();
            _drain.ContinueWith(_ => { }, TaskScheduler.Default).Wait();
        }
        if (disposing)
        {
            _full.Dispose();
            _free.Dispose();
            _failed.Dispose();
            _inner.Dispose();
        }
        base.Dispose(disposing);
    }

    private void HandOff()
    {
        try
        {
            _full.Add((_chunk, _length), _failed.Token);
            _chunk = _free.Take(_failed.Token);
            _length = 0;
        }
        catch (OperationCanceledException)
        {
            _drain.GetAwaiter().GetResult(); // the background failed: its error is the one to throw
            throw;
        }
    }

    private void Drain()
    {
        try
        {
            foreach (var (chunk, length) in _full.GetConsumingEnumerable(_failed.Token))
            {
                _inner.Write(chunk, 0, length);
                _free.Add(chunk);
            }
        }
        catch (OperationCanceledException) when (_failed.IsCancellationRequested)
        {
            // Disposed before completion: nothing more to write.
        }
        catch
        {
            _failed.Cancel();
            throw;
        }
    }
}
