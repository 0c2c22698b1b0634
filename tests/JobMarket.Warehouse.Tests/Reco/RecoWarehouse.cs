using System.Text.RegularExpressions;
using Dapper;
using JobMarket.Warehouse.Runner.Migrations;
using JobMarket.Warehouse.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace JobMarket.Warehouse.Tests.Reco;

/// <summary>
/// A migrated test database with core tables of the shape the reco models rely on (posting,
/// posting_skill, skill, location), and the reco materialized views created from
/// <c>models/reco/*.sql</c> with <c>ref()</c> resolved, in dependency order.
/// </summary>
internal sealed partial class RecoWarehouse
{
    private const string CoreTables = """
        create table core.location (location_id bigint primary key, departement_code text);
        create table core.skill (skill_id bigint primary key, skill_name text not null, skill_family text);
        create table core.posting (
            posting_id bigint primary key, title text, description text, language text,
            is_active boolean not null, location_id bigint, contract_code text, remote_code text);
        create table core.posting_skill (posting_id bigint, skill_id bigint, primary key (posting_id, skill_id));
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly Dictionary<string, string> _models;

    private RecoWarehouse(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource;
        var folder = Path.Combine(RepositoryPaths.Project.Models, "reco");
        _models = Directory.GetFiles(folder, "reco_*.sql")
            .ToDictionary(path => Path.GetFileNameWithoutExtension(path), File.ReadAllText);
    }

    public static async Task<RecoWarehouse> CreateAsync(NpgsqlDataSource dataSource)
    {
        var migration = await new Migrator(dataSource, RepositoryPaths.Project.Migrations, NullLogger<Migrator>.Instance).MigrateAsync();
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
            insert into core.posting values (@postingId, @title, @description, @language, @isActive, hashtext(@departement), @contract, @remote);
            insert into core.skill (skill_id, skill_name, skill_family)
            select hashtext(name), name, 'test' from unnest(@skills) as name on conflict do nothing;
            insert into core.posting_skill select @postingId, hashtext(name) from unnest(@skills) as name;
            """,
            new { postingId, title, description, language, isActive, departement, contract, remote, skills });
    }

    /// <summary>Creates every reco view (dropping older ones), or refreshes them concurrently.</summary>
    public async Task BuildAsync(bool refresh = false)
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        foreach (var name in DependencyOrder())
        {
            if (refresh)
            {
                await connection.ExecuteAsync($"refresh materialized view concurrently reco.{name}");
                continue;
            }
            var (body, indexes) = Render(_models[name]);
            await connection.ExecuteAsync($"drop materialized view if exists reco.{name} cascade; create materialized view reco.{name} as\n{body}");
            var i = 0;
            foreach (var (columns, unique) in indexes)
            {
                await connection.ExecuteAsync($"create {(unique ? "unique " : "")}index {name}_{i++} on reco.{name} ({columns})");
            }
        }
    }

    private List<string> DependencyOrder()
    {
        var ordered = new List<string>();
        void Visit(string name)
        {
            if (ordered.Contains(name) || !_models.ContainsKey(name))
            {
                return;
            }
            foreach (Match reference in RefPattern().Matches(_models[name]))
            {
                Visit(reference.Groups[1].Value);
            }
            ordered.Add(name);
        }
        foreach (var name in _models.Keys.Order())
        {
            Visit(name);
        }
        return ordered;
    }

    private (string Body, List<(string Columns, bool Unique)> Indexes) Render(string sql)
    {
        var config = ConfigPattern().Match(sql);
        var indexes = IndexPattern().Matches(config.Value)
            .Select(m => (m.Groups[1].Value.Replace("'", ""), m.Groups[2].Value == "true"))
            .ToList();
        var body = CommentPattern().Replace(ConfigPattern().Replace(sql, ""), "");
        body = RefPattern().Replace(body, m => (_models.ContainsKey(m.Groups[1].Value) ? "reco." : "core.") + m.Groups[1].Value);
        return (body, indexes);
    }

    [GeneratedRegex(@"\{\{\s*config\(.*?\)\s*\}\}", RegexOptions.Singleline)]
    private static partial Regex ConfigPattern();

    [GeneratedRegex(@"\{#.*?#\}", RegexOptions.Singleline)]
    private static partial Regex CommentPattern();

    [GeneratedRegex(@"\{\{\s*ref\('([a-z0-9_]+)'\)\s*\}\}")]
    private static partial Regex RefPattern();

    [GeneratedRegex(@"\{'columns':\s*\[([^\]]*)\](?:,\s*'unique':\s*(true|false))?\}")]
    private static partial Regex IndexPattern();
}
