using System.Data;
using JobMarket.Warehouse.Runner.Exports;
using JobMarket.Warehouse.Runner.Exports.Writing;
using Npgsql;

namespace JobMarket.Warehouse.Tests.Exports;

[Collection(ExportDatabaseFixture.Collection)]
public sealed class RowPumpTests(ExportDatabaseFixture database) : IClassFixture<ExportDatabaseFixture>
{
    [Fact]
    public async Task CopyAsync_WritesEveryRowInOrder_WhenRowsSpanManyBatches()
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var reader = await Query(connection, "select n, 'row ' || n as label, case when n % 7 = 0 then null else n * 1.5 end as half from generate_series(1, 5001) as n order by n");
        var writer = new RecordingWriter();

        var rows = await RowPump.CopyAsync(reader, writer);

        Assert.Equal(5001, rows);
        Assert.Equal(Enumerable.Range(1, 5001), writer.Rows.Select(r => (int)r[0]!));
        Assert.Equal("row 4321", writer.Rows[4320][1]);
        Assert.Null(writer.Rows[6][2]);
        Assert.Equal(7.5m, writer.Rows[4][2]);
    }

    [Fact]
    public async Task CopyAsync_ThrowsTheWritersError_AndStopsReading_WhenTheWriterFails()
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var reader = await Query(connection, "select n from generate_series(1, 200000) as n");
        var writer = new RecordingWriter { FailAt = 1500 };

        var error = await Assert.ThrowsAsync<IOException>(() => RowPump.CopyAsync(reader, writer));

        Assert.Equal("disk full at row 1500", error.Message);
        Assert.Equal(1499, writer.Rows.Count);
    }

    [Fact]
    public async Task CopyAsync_ThrowsTheQuerysError_WhenTheResultFailsMidway()
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var reader = await Query(connection, "select 1 / (n - 3000) as boom from generate_series(1, 5000) as n");
        var writer = new RecordingWriter();

        var error = await Assert.ThrowsAsync<PostgresException>(() => RowPump.CopyAsync(reader, writer));

        Assert.Equal(PostgresErrorCodes.DivisionByZero, error.SqlState);
        Assert.True(writer.Rows.Count < 3000);
    }

    private static async Task<NpgsqlDataReader> Query(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess);
    }

    /// <summary>Keeps copies of the rows it is given (the pump reuses its buffers); can fail like a full disk.</summary>
    private sealed class RecordingWriter : IWorkbookWriter
    {
        public List<object?[]> Rows { get; } = [];

        public int FailAt { get; init; } = int.MaxValue;

        public void StartSheet(string name, IReadOnlyList<SheetColumn> columns)
        {
        }

        public void WriteRow(object?[] values)
        {
            if (Rows.Count + 1 == FailAt)
            {
                throw new IOException($"disk full at row {FailAt}");
            }
            Rows.Add([.. values]);
        }

        public IReadOnlyList<string> Complete(CoverPage cover) => [];

        public void Dispose()
        {
        }
    }
}
