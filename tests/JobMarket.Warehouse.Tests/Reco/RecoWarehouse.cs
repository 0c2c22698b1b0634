using Dapper;
using JobMarket.Warehouse.Runner.Migrations;
using JobMarket.Warehouse.Runner.Models.Execution;
using JobMarket.Warehouse.Runner.Runs;
using JobMarket.Warehouse.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace JobMarket.Warehouse.Tests.Reco;

/// <summary>
/// A migrated test database with core tables of the shape the reco models rely on (posting,
/// posting_skill, skill, location) standing in for the core models, and the reco models built on
/// them by the model engine.
/// </summary>
internal sealed class RecoWarehouse
{
    private const string CoreTables = """
        create table core.location (location_id bigint primary key, departement_code text);
        create table core.skill (skill_id bigint primary key, skill_name text not null, skill_family text);
        create table core.posting (
            posting_id bigint primary key, title text, description text, language text,
            is_active boolean not null, location_id bigint, contract_code text, remote_code text,
            loaded_at timestamptz not null default clock_timestamp());
        create table core.posting_skill (posting_id bigint, skill_id bigint, primary key (posting_id, skill_id));
        """;

    private readonly NpgsqlDataSource _dataSource;

    private RecoWarehouse(NpgsqlDataSource dataSource) => _dataSource = dataSource;

    public static async Task<RecoWarehouse> CreateAsync(NpgsqlDataSource dataSource)
    {
        var migrator = new Migrator(dataSource, RepositoryPaths.Project.Migrations, NullLogger<Migrator>.Instance);
        var migration = await migrator.MigrateAsync();
        if (!migration.Successful)
        {
            // V0002 creates the cluster-wide reader role; two test databases migrating at the same
            // moment can both try (23505 on pg_authid). The second attempt finds the role.
            migration = await migrator.MigrateAsync();
        }
        Assert.True(migration.Successful, migration.Error?.ToString());
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("drop table if exists core.posting_skill, core.posting, core.skill, core.location cascade;" + CoreTables);
        return new RecoWarehouse(dataSource);
    }

    public async Task AddPostingAsync(long postingId, string title, string? description, string language = "fr",
        bool isActive = true, string departement = "75", string contract = "permanent", string remote = "on_site",
        params string[] skills)
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("""
            insert into core.location (location_id, departement_code)
            values (hashtext(@departement), @departement) on conflict do nothing;
            insert into core.posting values (@postingId, @title, @description, @language, @isActive, hashtext(@departement), @contract, @remote, clock_timestamp());
            insert into core.skill (skill_id, skill_name, skill_family)
            select hashtext(name), name, 'test' from unnest(@skills) as name on conflict do nothing;
            insert into core.posting_skill select @postingId, hashtext(name) from unnest(@skills) as name;
            """,
            new { postingId, title, description, language, isActive, departement, contract, remote, skills });
    }

    /// <summary>
    /// Builds <c>models/reco</c> through the model engine (the repository's own project, reco
    /// models only, reading the core tables above): the first build creates the materialized
    /// views, later ones refresh them concurrently. Fails the test on any model or data-test error.
    /// <paramref name="exclude"/> leaves models out (engine selector syntax).
    /// </summary>
    public async Task<BuildResult> BuildAsync(params string[] exclude)
    {
        using var target = new TempFolder();
        var engine = new ModelEngine(
            _dataSource,
            new ModelEngineOptions { ProjectHome = RepositoryPaths.Home, TargetPath = target.Path },
            new RunRecorder(_dataSource, NullLogger<RunRecorder>.Instance),
            NullLogger<ModelEngine>.Instance);
        var result = await engine.BuildAsync(new BuildRequest { Select = ["path:models/reco"], Exclude = exclude, Threads = 2 });
        Assert.True(result.Succeeded, string.Join("\n", result.Nodes
            .Where(n => n.Status is not (NodeStatus.Success or NodeStatus.Warn))
            .Select(n => $"{n.Name}: {n.Status} {n.Message}")));
        return result;
    }

    /// <summary>
    /// <paramref name="postings"/> generated French postings over 60 words (a 2-word title and an
    /// 8-word description each, so at most 10 terms and posting lists of a few hundred at most),
    /// with ids from <paramref name="firstId"/>; those with ids up to <paramref name="inParis"/>
    /// in département 75, the others in 13.
    /// </summary>
    public async Task AddGeneratedPostingsAsync(int postings, int inParis, int firstId = 1)
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("""
            insert into core.location (location_id, departement_code) values (1, '75'), (2, '13') on conflict do nothing;
            insert into core.posting
            select
                i,
                word[1 + (i * 7) % 60] || ' ' || word[1 + (i * 11) % 60],
                (select string_agg(word[1 + (i * j * 31 + j * 17 + i / 7) % 60], ' ') from generate_series(1, 8) as j),
                'fr', true, case when i <= @inParis then 1 else 2 end, 'permanent', 'on_site', clock_timestamp()
            from generate_series(@firstId, @firstId + @postings - 1) as i
            cross join (
                select array_agg('mot' || chr(97 + n % 26) || chr(97 + n / 26) || 'r' order by n) as word
                from generate_series(0, 59) as n
            ) as words;
            """, new { postings, inParis, firstId });
    }

    /// <summary>
    /// Rewrites postings as the core model does on a later day: closes <paramref name="closed"/>,
    /// gives <paramref name="retitled"/> a new title, and moves the loaded_at of all of them and of
    /// <paramref name="untouched"/> (seen again, text unchanged).
    /// </summary>
    public async Task RewritePostingsAsync(long[] closed, long[] retitled, long[] untouched)
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("""
            update core.posting set is_active = false, loaded_at = clock_timestamp() where posting_id = any(@closed);
            update core.posting set title = 'Boulanger pâtissier levain', loaded_at = clock_timestamp() where posting_id = any(@retitled);
            update core.posting set loaded_at = clock_timestamp() where posting_id = any(@untouched);
            """, new { closed, retitled, untouched });
    }
}
