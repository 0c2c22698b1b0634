using System.Text.Json;
using Dapper;
using JobMarket.Warehouse.Runner.Logging;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace JobMarket.Warehouse.Runner.Runs;

/// <summary>Writes <c>audit.run</c> and <c>audit.run_step</c> rows as a command progresses.</summary>
internal sealed class RunRecorder(NpgsqlDataSource dataSource, ILogger<RunRecorder> logger)
{
    public async Task<long> StartRunAsync(string command, object? arguments = null, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var runId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            insert into audit.run (command, arguments, host, pid)
            values (@command, @arguments::jsonb, @host, @pid)
            returning run_id
            """,
            new { command, arguments = JsonSerializer.Serialize(arguments ?? new { }), host = Environment.MachineName, pid = Environment.ProcessId },
            cancellationToken: ct));
        Log.RunStarted(logger, runId, command);
        return runId;
    }

    public async Task FinishRunAsync(long runId, string status, string? error = null, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "update audit.run set status = @status, error = @error, finished_at = clock_timestamp() where run_id = @runId",
            new { runId, status, error }, cancellationToken: ct));
        Log.RunFinished(logger, runId, status);
    }

    public async Task<int> StartStepAsync(long runId, string step, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            """
            insert into audit.run_step (run_id, ordinal, step)
            select @runId, coalesce(max(ordinal), 0) + 1, @step from audit.run_step where run_id = @runId
            returning ordinal
            """,
            new { runId, step }, cancellationToken: ct));
    }

    public async Task FinishStepAsync(long runId, int ordinal, string status, long? rowsAffected = null, object? detail = null, string? error = null, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            update audit.run_step
            set status = @status, rows_affected = @rowsAffected, detail = @detail::jsonb, error = @error,
                finished_at = clock_timestamp()
            where run_id = @runId and ordinal = @ordinal
            """,
            new { runId, ordinal, status, rowsAffected, detail = JsonSerializer.Serialize(detail ?? new { }), error },
            cancellationToken: ct));
    }
}
