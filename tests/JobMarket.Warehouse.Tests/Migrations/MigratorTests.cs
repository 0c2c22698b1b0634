using Dapper;
using JobMarket.Warehouse.Runner.Migrations;
using JobMarket.Warehouse.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace JobMarket.Warehouse.Tests.Migrations;

public sealed class MigratorTests
{
    private static Migrator MigratorFor(NpgsqlDataSource dataSource, string folder) =>
        new(dataSource, folder, NullLogger<Migrator>.Instance);

    private static async Task<NpgsqlDataSource> FreshDatabaseAsync() =>
        NpgsqlDataSource.Create(await PostgresCluster.CreateDatabaseAsync("migrator"));

    [Fact]
    public async Task MigrateAsync_DoesNothing_WhenRunTwice()
    {
        await using var dataSource = await FreshDatabaseAsync();
        var migrator = MigratorFor(dataSource, RepositoryPaths.Project.Migrations);

        var first = await migrator.MigrateAsync();
        var second = await migrator.MigrateAsync();

        Assert.True(first.Successful, first.Error?.ToString());
        Assert.NotEmpty(first.Applied);
        Assert.True(second.Successful);
        Assert.Empty(second.Applied);
        Assert.Equal(first.Applied, second.AlreadyApplied);
        await using var connection = await dataSource.OpenConnectionAsync();
        var schemas = (await connection.QueryAsync<string>(
            "select nspname from pg_namespace where nspname in ('raw','staging','core','marts','reco','audit') order by 1")).ToList();
        Assert.Equal(["audit", "core", "marts", "raw", "reco", "staging"], schemas);
    }

    [Fact]
    public async Task MigrateAsync_FailsNamingTheFile_WhenAnAppliedScriptWasEdited()
    {
        using var folder = new TempFolder();
        folder.Write("V0001__one.sql", "create table t1 (id int);");
        await using var dataSource = await FreshDatabaseAsync();
        Assert.True((await MigratorFor(dataSource, folder.Path).MigrateAsync()).Successful);

        var edited = folder.Write("V0001__one.sql", "create table t1 (id bigint);");
        folder.Write("V0002__two.sql", "create table t2 (id int);");
        var result = await MigratorFor(dataSource, folder.Path).MigrateAsync();

        Assert.False(result.Successful);
        Assert.Equal(edited, result.Error!.Script);
        Assert.Contains("edited after it was applied", result.Error.Message);
        Assert.Empty(result.Applied);
        await using var connection = await dataSource.OpenConnectionAsync();
        Assert.Null(await connection.ExecuteScalarAsync<string?>("select to_regclass('public.t2')::text"));
    }

    [Fact]
    public async Task MigrateAsync_Fails_WhenAnAppliedScriptVanished()
    {
        using var folder = new TempFolder();
        var script = folder.Write("V0001__one.sql", "create table t1 (id int);");
        await using var dataSource = await FreshDatabaseAsync();
        Assert.True((await MigratorFor(dataSource, folder.Path).MigrateAsync()).Successful);
        File.Delete(script);

        var result = await MigratorFor(dataSource, folder.Path).MigrateAsync();

        Assert.False(result.Successful);
        Assert.Equal("V0001__one.sql", result.Error!.Script);
        Assert.Contains("gone", result.Error.Message);
    }

    [Fact]
    public async Task MigrateAsync_RollsBackAndReportsLine_WhenAScriptFails()
    {
        using var folder = new TempFolder();
        folder.Write("V0001__good.sql", "create table good (id int);");
        var bad = folder.Write("V0002__bad.sql", "create table half (id int);\n\ninsert into half values (1);\nselect * from missing_table;\n");
        await using var dataSource = await FreshDatabaseAsync();

        var result = await MigratorFor(dataSource, folder.Path).MigrateAsync();

        Assert.False(result.Successful);
        Assert.Equal(["V0001__good.sql"], result.Applied);
        Assert.Equal(bad, result.Error!.Script);
        Assert.Equal(4, result.Error.Line);
        Assert.Contains("missing_table", result.Error.Message);
        await using var connection = await dataSource.OpenConnectionAsync();
        Assert.Null(await connection.ExecuteScalarAsync<string?>("select to_regclass('public.half')::text"));
        Assert.Equal(1L, await connection.ExecuteScalarAsync<long>("select count(*) from public.schemaversions"));
    }

    [Fact]
    public async Task MigrateAsync_AppliesEachScriptOnce_WhenTwoMigratorsRunConcurrently()
    {
        using var folder = new TempFolder();
        folder.Write("V0001__slow.sql", "create table slow (id int);\nselect pg_sleep(1);");
        folder.Write("V0002__next.sql", "create table next_one (id int);");
        await using var dataSource = await FreshDatabaseAsync();

        var results = await Task.WhenAll(
            MigratorFor(dataSource, folder.Path).MigrateAsync(),
            MigratorFor(dataSource, folder.Path).MigrateAsync());

        Assert.All(results, r => Assert.True(r.Successful, r.Error?.ToString()));
        Assert.Equal(2, results.Sum(r => r.Applied.Count));
        Assert.Contains(results, r => r.Applied.Count == 0 && r.AlreadyApplied.Count == 2);
    }

    [Fact]
    public async Task MigrateAsync_ListsPendingWithoutApplying_WhenDryRun()
    {
        await using var dataSource = await FreshDatabaseAsync();
        var result = await MigratorFor(dataSource, RepositoryPaths.Project.Migrations).MigrateAsync(dryRun: true);

        Assert.True(result.Successful);
        Assert.Empty(result.Applied);
        Assert.Contains("V0001__create_schemas.sql", result.Pending);
        await using var connection = await dataSource.OpenConnectionAsync();
        Assert.Null(await connection.ExecuteScalarAsync<string?>("select to_regclass('public.schemaversions')::text"));
    }

    [Fact]
    public async Task MigrateAsync_DropsTheFactsSkillCount_WhenTheWarehouseWasBuiltWithIt()
    {
        // a warehouse migrated and built before V0061: its fact still has count_skills
        await using var dataSource = await FreshDatabaseAsync();

        await MigrateBuiltBeforeAsync(dataSource, "V0061",
            "create table marts.fct_job_posting (posting_id bigint, count_skills bigint, is_active boolean)");

        Assert.Equal(["posting_id", "is_active"], await ColumnsAsync(dataSource, "marts.fct_job_posting"));
    }

    [Fact]
    public async Task MigrateAsync_AddsThePostingsTextChangedAt_WhenTheWarehouseWasBuiltWithoutIt()
    {
        // a warehouse migrated and built before V0062: its postings have no text_changed_at
        await using var dataSource = await FreshDatabaseAsync();

        await MigrateBuiltBeforeAsync(dataSource, "V0062",
            "create table core.posting (posting_id bigint, title text, description text, loaded_at timestamptz); insert into core.posting values (1, 'Data engineer', 'SQL', now())");

        Assert.Equal(["posting_id", "title", "description", "loaded_at", "text_changed_at"], await ColumnsAsync(dataSource, "core.posting"));
        await using var connection = await dataSource.OpenConnectionAsync();
        // null: the next incremental build counts the posting's text as changed and reads its skills again
        Assert.Null(await connection.ExecuteScalarAsync<DateTime?>("select text_changed_at from core.posting"));
    }

    // Migrates a fresh database up to (not including) `version`, runs `built` (the tables as a build of
    // that time left them), then migrates again with every script from `version` on, which must
    // start with `version` and succeed.
    private static async Task MigrateBuiltBeforeAsync(NpgsqlDataSource dataSource, string version, string built)
    {
        using var folder = new TempFolder();
        folder.CopyFrom(RepositoryPaths.Project.Migrations);
        var later = Directory.GetFiles(folder.Path, "V*.sql")
            .Where(f => string.CompareOrdinal(Path.GetFileName(f), version) >= 0)
            .Order(StringComparer.Ordinal)
            .ToDictionary(f => Path.GetFileName(f), File.ReadAllText);
        foreach (var name in later.Keys)
        {
            File.Delete(Path.Combine(folder.Path, name));
        }
        Assert.True((await MigratorFor(dataSource, folder.Path).MigrateAsync()).Successful);
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync(built);
        }
        foreach (var (name, script) in later)
        {
            folder.Write(name, script);
        }

        var result = await MigratorFor(dataSource, folder.Path).MigrateAsync();

        Assert.True(result.Successful, result.Error?.ToString());
        Assert.StartsWith(version + "__", result.Applied[0]);
    }

    private static async Task<List<string>> ColumnsAsync(NpgsqlDataSource dataSource, string table)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return [.. await connection.QueryAsync<string>(
            "select attname from pg_attribute where attrelid = @table::regclass and attnum > 0 and not attisdropped order by attnum", new { table })];
    }

    [Fact]
    public async Task ReaderRole_CannotReadRaw_ButReadsMarts()
    {
        await using var dataSource = await FreshDatabaseAsync();
        Assert.True((await MigratorFor(dataSource, RepositoryPaths.Project.Migrations).MigrateAsync()).Successful);
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("create table marts.reader_probe as select 1 as x");

        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("set local role jobmarket_reader", transaction: transaction);
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("select x from marts.reader_probe", transaction: transaction));
        var denied = await Assert.ThrowsAsync<PostgresException>(() =>
            connection.ExecuteScalarAsync<long>("select count(*) from raw.adzuna_pages", transaction: transaction));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, denied.SqlState);
    }
}
