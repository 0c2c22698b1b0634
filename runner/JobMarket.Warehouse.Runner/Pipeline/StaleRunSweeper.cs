using Dapper;
using Npgsql;

namespace JobMarket.Warehouse.Runner.Pipeline;

/// <summary>
/// Marks pipeline runs left 'running' by a process that died (SIGKILL, power loss) as failed.
/// Called by the lock holder: while it holds the pipeline lock no other pipeline run can be alive,
/// so any other 'running' pipeline run is abandoned, whatever its pid or host.
/// </summary>
internal static class StaleRunSweeper
{
    public static async Task<IReadOnlyList<long>> SweepAsync(NpgsqlConnection connection, long currentRunId, CancellationToken ct = default)
    {
        var stale = (await connection.QueryAsync<long>(new CommandDefinition(
            """
            with stale as (
                update audit.run
                set status = 'failed',
                    finished_at = clock_timestamp(),
                    error = format('abandoned: process %s on %s ended without finishing (killed or crashed); found by run %s',
                                   coalesce(pid::text, '?'), host, @currentRunId)
                where is_pipeline and status = 'running' and run_id <> @currentRunId
                returning run_id
            ),
            steps as (
                update audit.run_step as run_step
                set status = 'failed',
                    finished_at = clock_timestamp(),
                    error = 'abandoned: the process ended during this step'
                from stale
                where run_step.run_id = stale.run_id and run_step.status = 'running'
            )
            select run_id from stale order by run_id
            """, new { currentRunId }, cancellationToken: ct))).ToList();
        return stale;
    }
}
