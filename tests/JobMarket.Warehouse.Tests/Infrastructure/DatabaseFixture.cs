using Npgsql;

namespace JobMarket.Warehouse.Tests.Infrastructure;

/// <summary>
/// A fresh database for one test class (<c>IClassFixture&lt;DatabaseFixture&gt;</c>), on the run's
/// shared throwaway cluster; dropped when the class is done.
/// </summary>
public sealed class DatabaseFixture : IAsyncLifetime
{
    private NpgsqlDataSource? _dataSource;

    public string ConnectionString { get; private set; } = "";

    public NpgsqlDataSource DataSource => _dataSource ?? throw new InvalidOperationException("fixture not initialised");

    public async Task InitializeAsync()
    {
        ConnectionString = await PostgresCluster.CreateDatabaseAsync("test");
        _dataSource = NpgsqlDataSource.Create(ConnectionString);
    }

    public async Task DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }
        await PostgresCluster.DropDatabaseAsync(ConnectionString);
    }
}
