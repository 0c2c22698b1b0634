using Dapper;
using Npgsql;

namespace JobMarket.Warehouse.Runner.Pipeline;

/// <summary>
/// The session-level advisory lock every pipeline run holds (refresh, scheduled jobs, demo), on a
/// connection of its own. PostgreSQL releases it when that connection ends, so a killed process
/// never leaves it behind.
/// </summary>
internal sealed class PipelineLock : IAsyncDisposable
{
    // Arbitrary but fixed, distinct from the migration lock: "JMPIPE".
    public const long AdvisoryLockKey = 0x4A4D_5049_5045;

    private static readonly TimeSpan s_pollInterval = TimeSpan.FromMilliseconds(500);

    private readonly NpgsqlConnection _connection;

    private PipelineLock(NpgsqlConnection connection) => _connection = connection;

    /// <summary>
    /// Takes the lock, or returns null when another process holds it and the policy says skip
    /// (or the wait timed out). <paramref name="waiting"/> is called once when the run starts waiting.
    /// </summary>
    public static async Task<PipelineLock?> AcquireAsync(
        NpgsqlDataSource dataSource, LockPolicy policy, TimeSpan waitTimeout, Func<Task>? waiting = null, CancellationToken ct = default)
    {
        var connection = await dataSource.OpenConnectionAsync(ct);
        try
        {
            var deadline = DateTimeOffset.UtcNow + waitTimeout;
            var reported = false;
            while (true)
            {
                // Polling pg_try_advisory_lock rather than blocking in pg_advisory_lock: a cancelled
                // wait then never leaves a backend queued for the lock after this process is gone.
                if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                        "select pg_try_advisory_lock(@key)", new { key = AdvisoryLockKey }, cancellationToken: ct)))
                {
                    return new PipelineLock(connection);
                }
                if (policy == LockPolicy.Skip || DateTimeOffset.UtcNow >= deadline)
                {
                    await connection.DisposeAsync();
                    return null;
                }
                if (!reported && waiting is not null)
                {
                    reported = true;
                    await waiting();
                }
                await Task.Delay(s_pollInterval, ct);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Who holds the lock, for the loser's message: the recorded run, else the backend pid.</summary>
    public static async Task<string> DescribeHolderAsync(NpgsqlDataSource dataSource, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        try
        {
            var run = await connection.QueryFirstOrDefaultAsync<(long RunId, string Command, string Host, int? Pid, DateTime StartedAt)?>(new CommandDefinition(
                """
                select run_id, command, host, pid, started_at
                from audit.run
                where is_pipeline and status = 'running'
                order by run_id desc
                limit 1
                """, cancellationToken: ct));
            if (run is { } r)
            {
                return $"run {r.RunId} ({r.Command}, pid {r.Pid} on {r.Host}, started {r.StartedAt:yyyy-MM-dd HH:mm:ss} UTC)";
            }
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.UndefinedColumn)
        {
            // The holder is migrating a fresh database: its run is not recorded yet.
        }
        // A bigint advisory key shows in pg_locks as classid (high half) and objid (low half).
        var backend = await connection.ExecuteScalarAsync<int?>(new CommandDefinition(
            """
            select pid from pg_locks
            where locktype = 'advisory' and granted and objsubid = 1
              and classid::bigint = (@key >> 32) and objid::bigint = (@key & 4294967295)
            limit 1
            """, new { key = AdvisoryLockKey }, cancellationToken: ct));
        return backend is { } pid ? $"another process (PostgreSQL backend {pid})" : "another process";
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _connection.ExecuteAsync("select pg_advisory_unlock(@key)", new { key = AdvisoryLockKey });
        }
        catch (NpgsqlException)
        {
            // The connection is broken: the server has already released the lock with the session.
        }
        await _connection.DisposeAsync();
    }
}
