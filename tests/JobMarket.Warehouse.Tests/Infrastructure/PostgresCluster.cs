using JobMarket.Warehouse.Runner.Database;
using Npgsql;

namespace JobMarket.Warehouse.Tests.Infrastructure;

/// <summary>
/// One throwaway PostgreSQL cluster per test run, started from the machine's binaries with the
/// runner's own <see cref="EmbeddedPostgres"/> (or <c>JOBMARKET_TEST_DATABASE_URL</c> when set).
/// Test classes get their own database through <see cref="DatabaseFixture"/>.
/// </summary>
public static class PostgresCluster
{
    private static readonly Lazy<Task<string>> s_adminConnectionString = new(StartAsync);
    private static string? s_root;

    /// <summary>A connection string to the cluster's maintenance database, as a superuser.</summary>
    public static Task<string> AdminConnectionStringAsync() => s_adminConnectionString.Value;

    public static async Task<string> CreateDatabaseAsync(string prefix)
    {
        var admin = await AdminConnectionStringAsync();
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 63)].ToLowerInvariant();
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"create database \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(await AdminConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"drop database if exists \"{name}\" with (force)", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> StartAsync()
    {
        var external = Environment.GetEnvironmentVariable("JOBMARKET_TEST_DATABASE_URL");
        if (!string.IsNullOrWhiteSpace(external))
        {
            var externalAdmin = DatabaseUrl.ToConnectionString(external);
            await CreateClusterRolesAsync(externalAdmin);
            return externalAdmin;
        }
        s_root = Path.Combine(Path.GetTempPath(), $"jobmarket-tests-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
        var cluster = new EmbeddedPostgres(s_root);
        var connectionString = await cluster.StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(cluster);
        var admin = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres" }.ConnectionString;
        await CreateClusterRolesAsync(admin);
        return admin;
    }

    /// <summary>
    /// Roles are cluster-wide: test databases migrating at the same moment would race to create
    /// them (V0002 guards with "if not exists", which two transactions can both pass). A warehouse
    /// has one database, so only tests need this.
    /// </summary>
    private static async Task CreateClusterRolesAsync(string admin)
    {
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "do $$ begin if not exists (select from pg_roles where rolname = 'jobmarket_reader') then create role jobmarket_reader login; end if; end $$",
            connection);
        await command.ExecuteNonQueryAsync();
    }

    private static void Stop(EmbeddedPostgres cluster)
    {
        try
        {
            NpgsqlConnection.ClearAllPools();
            cluster.StopAsync().GetAwaiter().GetResult();
            if (s_root is not null)
            {
                Directory.Delete(s_root, recursive: true);
                if (cluster.ClusterDirectory.StartsWith("/var/tmp/", StringComparison.Ordinal))
                {
                    Directory.Delete(Path.GetDirectoryName(cluster.ClusterDirectory)!, recursive: true);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            // Best effort: the temp folder is reclaimed by the OS anyway.
        }
    }
}
