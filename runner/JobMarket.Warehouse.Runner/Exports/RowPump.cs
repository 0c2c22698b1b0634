using System.Threading.Channels;
using JobMarket.Warehouse.Runner.Exports.Writing;
using Npgsql;

namespace JobMarket.Warehouse.Runner.Exports;

/// <summary>
/// Moves a result's rows into a workbook writer with reading and writing on two threads: Npgsql
/// decodes rows on the caller's task while another formats, compresses and writes them. Rows
/// travel in a few reused batches through a bounded channel, so memory does not grow with the
/// row count. The first error on either side stops both and is the one thrown.
/// </summary>
internal static class RowPump
{
    private const int BatchRows = 512;
    private const int Batches = 4;

    /// <summary>Reads <paramref name="reader"/> to the end into <paramref name="writer"/>; returns the row count.</summary>
    public static async Task<long> CopyAsync(NpgsqlDataReader reader, IWorkbookWriter writer, CancellationToken ct = default)
    {
        var full = Channel.CreateBounded<RowBatch>(new BoundedChannelOptions(Batches) { SingleReader = true, SingleWriter = true });
        var free = Channel.CreateBounded<RowBatch>(new BoundedChannelOptions(Batches) { SingleReader = true, SingleWriter = true });
        for (var i = 0; i < Batches; i++)
        {
            free.Writer.TryWrite(new RowBatch(BatchRows, reader.FieldCount));
        }
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var writing = Task.Run(() => WriteAsync(full.Reader, free.Writer, writer, stop), CancellationToken.None);
        long rows = 0;
        try
        {
            var more = true;
            while (more)
            {
                var batch = await free.Reader.ReadAsync(stop.Token);
                batch.Count = 0;
                while (batch.Count < BatchRows && (more = await reader.ReadAsync(stop.Token)))
                {
                    ReadRow(reader, batch.Rows[batch.Count++]);
                }
                rows += batch.Count;
                await full.Writer.WriteAsync(batch, stop.Token);
            }
            full.Writer.Complete();
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // The writing side stopped us: its error is the one to report.
            await writing;
            throw;
        }
        catch
        {
            await stop.CancelAsync();
            full.Writer.TryComplete();
            await Task.WhenAny(writing); // let it finish before the caller disposes the writer
            throw;
        }
        await writing;
        return rows;
    }

    /// <summary>One row into <paramref name="buffer"/>, SQL NULL as null.</summary>
    public static object?[] ReadRow(NpgsqlDataReader reader, object?[] buffer)
    {
        for (var i = 0; i < buffer.Length; i++)
        {
            var value = reader.GetValue(i);
            buffer[i] = value is DBNull ? null : value;
        }
        return buffer;
    }

    private static async Task WriteAsync(ChannelReader<RowBatch> full, ChannelWriter<RowBatch> free, IWorkbookWriter writer, CancellationTokenSource stop)
    {
        try
        {
            await foreach (var batch in full.ReadAllAsync(stop.Token))
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    writer.WriteRow(batch.Rows[i]);
                }
                free.TryWrite(batch);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await stop.CancelAsync();
            throw;
        }
    }

    private sealed class RowBatch(int rows, int fields)
    {
        public object?[][] Rows { get; } = [.. Enumerable.Range(0, rows).Select(_ => new object?[fields])];

        public int Count { get; set; }
    }
}
