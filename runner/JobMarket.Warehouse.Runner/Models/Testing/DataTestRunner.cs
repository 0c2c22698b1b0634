using Dapper;
using Npgsql;

namespace JobMarket.Warehouse.Runner.Models.Testing;

/// <summary>
/// Runs test SQL (a select of failing rows): counts the failures and keeps a sample of up to
/// <see cref="SampleRows"/> rows as JSON. Inside a transaction each test runs under a savepoint, so
/// a test that cannot run does not poison the build it audits.
/// </summary>
internal static class DataTestRunner
{
    public const int SampleRows = 20;

    public static async Task<TestResult> RunAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, string name, string? model, string severity, string sql, CancellationToken ct = default)
    {
        var started = DateTimeOffset.UtcNow;
        if (tx is not null)
        {
            await connection.ExecuteAsync(new CommandDefinition("savepoint jobmarket_test", transaction: tx, cancellationToken: ct));
        }
        try
        {
            var failures = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                $"select count(*) from (\n{sql}\n) as failures", transaction: tx, commandTimeout: 0, cancellationToken: ct));
            string? sample = null;
            if (failures > 0)
            {
                sample = await connection.ExecuteScalarAsync<string>(new CommandDefinition(
                    $"select coalesce(jsonb_agg(to_jsonb(failures)), '[]'::jsonb)::text from (select * from (\n{sql}\n) as failing limit {SampleRows}) as failures",
                    transaction: tx, commandTimeout: 0, cancellationToken: ct));
            }
            if (tx is not null)
            {
                await connection.ExecuteAsync(new CommandDefinition("release savepoint jobmarket_test", transaction: tx, cancellationToken: ct));
            }
            var status = failures == 0 ? TestStatus.Pass : severity == "warn" ? TestStatus.Warn : TestStatus.Fail;
            return new TestResult(name, model, severity, status, failures, failures == 0 ? null : $"{failures} failing row(s)", sql, started, DateTimeOffset.UtcNow)
            {
                SampleJson = sample,
            };
        }
        catch (PostgresException ex) when (ex.SqlState is not (PostgresErrorCodes.QueryCanceled or PostgresErrorCodes.AdminShutdown))
        {
            if (tx is not null)
            {
                await connection.ExecuteAsync(new CommandDefinition("rollback to savepoint jobmarket_test", transaction: tx, cancellationToken: ct));
            }
            return new TestResult(name, model, severity, severity == "warn" ? TestStatus.Warn : TestStatus.Error, 0, $"the test could not run: {ex.SqlState}: {ex.MessageText}", sql, started, DateTimeOffset.UtcNow);
        }
    }
}
