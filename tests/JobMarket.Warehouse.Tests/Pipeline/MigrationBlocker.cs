using Dapper;
using JobMarket.Warehouse.Runner.Migrations;
using Npgsql;

namespace JobMarket.Warehouse.Tests.Pipeline;

/// <summary>
/// Holds <see cref="Migrator.AdvisoryLockKey"/> on a connection of its own. Disposing unlocks
/// explicitly: a pooled connection returned to the pool would keep its session lock.
/// </summary>
internal sealed class MigrationBlocker : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;

    private MigrationBlocker(NpgsqlConnection connection) => _connection = connection;

    public static async Task<MigrationBlocker> StartAsync(NpgsqlDataSource dataSource)
    {
        var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("select pg_advisory_lock(@key)", new { key = Migrator.AdvisoryLockKey });
        return new MigrationBlocker(connection);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection.State == System.Data.ConnectionState.Open)
        {
            await _connection.ExecuteAsync("select pg_advisory_unlock(@key)", new { key = Migrator.AdvisoryLockKey });
        }
        await _connection.DisposeAsync();
    }
}
