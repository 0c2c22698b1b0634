using Dapper;
using Npgsql;

namespace JobMarket.Warehouse.Runner.Runs;

/// <summary>Reads recent runs with their steps from <c>audit.run</c> / <c>audit.run_step</c>.</summary>
internal sealed class RunHistory(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<RunSummary>> RecentAsync(int limit, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var runs = (await connection.QueryAsync<RunRow>(new CommandDefinition(
            """
            select run_id as RunId, command as Command, status as Status, trigger as Trigger, job as Job,
                   host as Host, pid as Pid, error as Error, started_at as StartedAt, finished_at as FinishedAt
            from audit.run
            order by run_id desc
            limit @limit
            """, new { limit }, cancellationToken: ct))).ToList();
        var ids = runs.Select(r => r.RunId).ToArray();
        var steps = (await connection.QueryAsync<StepRow>(new CommandDefinition(
            """
            select run_id as RunId, ordinal as Ordinal, step as Step, status as Status, rows_affected as Rows,
                   error as Error, started_at as StartedAt, finished_at as FinishedAt
            from audit.run_step
            where run_id = any(@ids)
            order by run_id, ordinal
            """, new { ids }, cancellationToken: ct))).ToLookup(s => s.RunId);
        return runs.Select(r => new RunSummary(
            r.RunId, r.Command, r.Status, r.Trigger, r.Job, r.Host, r.Pid, r.Error,
            Utc(r.StartedAt), r.FinishedAt is { } f ? Utc(f) : null,
            steps[r.RunId].Select(s => new RunStepSummary(s.Ordinal, s.Step, s.Status, s.Rows, s.Error,
                Utc(s.StartedAt), s.FinishedAt is { } sf ? Utc(sf) : null)).ToList())).ToList();
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private sealed record RunRow(long RunId, string Command, string Status, string Trigger, string? Job, string Host, int? Pid, string? Error, DateTime StartedAt, DateTime? FinishedAt);

    private sealed record StepRow(long RunId, int Ordinal, string Step, string Status, long? Rows, string? Error, DateTime StartedAt, DateTime? FinishedAt);
}
