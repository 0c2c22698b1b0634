using System.Diagnostics;
using JobMarket.Warehouse.Runner.Database;
using JobMarket.Warehouse.Tests.Infrastructure;
using Npgsql;

namespace JobMarket.Warehouse.Tests.Database;

public sealed class EmbeddedPostgresTests
{
    [Fact]
    public async Task StartAsync_StartsReusesAndRecovers_WhenClusterIsNewRunningOrCrashed()
    {
        using var folder = new TempFolder();
        var cluster = new EmbeddedPostgres(folder.Path);
        try
        {
            var first = await cluster.StartAsync();
            Assert.Equal(1, await ScalarAsync(first));

            var watch = Stopwatch.StartNew();
            var second = await new EmbeddedPostgres(folder.Path).StartAsync();
            watch.Stop();
            Assert.Equal(first, second);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"reuse took {watch.Elapsed}");

            // A crash: SIGKILL the postmaster, leaving its pid file behind.
            var pid = int.Parse((await File.ReadAllLinesAsync(Path.Combine(cluster.DataDirectory, "postmaster.pid")))[0]);
            NpgsqlConnection.ClearAllPools();
            Process.GetProcessById(pid).Kill();
            await WaitUntilAsync(() => !IsAlive(pid));
            Assert.True(File.Exists(Path.Combine(cluster.DataDirectory, "postmaster.pid")));

            var recovered = await new EmbeddedPostgres(folder.Path).StartAsync();
            Assert.Equal(1, await ScalarAsync(recovered));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await cluster.StopAsync();
        }
        Assert.Null(await cluster.RunningPortAsync());
    }

    private static async Task<int> ScalarAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select 1", connection);
        return (int)(await command.ExecuteScalarAsync())!;
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(100);
        }
    }
}
