using Dapper;
using JobMarket.Warehouse.Runner.Models.Parsing;
using JobMarket.Warehouse.Tests.Infrastructure;

namespace JobMarket.Warehouse.Tests.Models.Golden;

/// <summary>Source postings whose fingerprint moves between builds (see <see cref="MovedPostingWarehouse"/>).</summary>
public sealed class MovedPostingTests(MovedPostingWarehouse warehouse) : IncrementalVariantTests<MovedPostingWarehouse>(warehouse)
{
    [Fact]
    public async Task IncrementalBuild_MergesAgainThePostingLeftOrDropsItWithItsRows_WhenItsSourcePostingMoves()
    {
        var kept = 0;
        var dropped = 0;
        foreach (var id in MovedPostingWarehouse.Retitled.Keys)
        {
            var left = Warehouse.AfterFirstBuild[id].PostingId;
            var moved = await Warehouse.RowAsync(
                "select posting_id, previous_posting_id from incremental_copy.core_source_posting where source_code = 'france_travail' and source_posting_id = @id", new { id });
            Assert.NotNull(moved);
            Assert.Equal(left, (long)moved["previous_posting_id"]!);
            Assert.NotEqual(left, (long)moved["posting_id"]!);

            var members = await Warehouse.ScalarAsync<long>($"select count(*) from incremental_copy.core_source_posting where posting_id = {left}");
            if (members > 0)
            {
                kept++;
                Assert.Equal(members, await Warehouse.ScalarAsync<long>($"select count_source_postings from incremental_copy.core_posting where posting_id = {left}"));
            }
            else
            {
                dropped++;
                foreach (var table in new[] { "core_posting", "core_posting_salary", "core_posting_skill", "marts_fct_job_posting", "marts_fct_posting_skill" })
                {
                    Assert.Equal(0L, await Warehouse.ScalarAsync<long>($"select count(*) from incremental_copy.{table} where posting_id = {left}"));
                }
            }
        }
        // the golden offers chosen cover both ways
        Assert.Equal((1, 1), (kept, dropped));
    }

    [Fact]
    public async Task ReferencesTest_PassesOnTheIncrementalBuild_WhenEveryKeyResolves()
    {
        Assert.Empty(await OrphansAsync(""));
    }

    [Fact]
    public async Task ReferencesTest_ReportsStoredMembers_WhenThePostingALatestRowLeftIsGone()
    {
        // the posting one retitled offer left keeps older members: were it dropped, only they point at it
        var left = await KeptLeftPostingAsync();
        var members = await Warehouse.ScalarAsync<long>(
            $"select count(*) from incremental_copy.core_source_posting where posting_id = {left} and loaded_at < (select max(loaded_at) from incremental_copy.core_source_posting)");
        Assert.True(members > 0);

        var orphans = await OrphansAsync($"delete from incremental_copy.core_posting where posting_id = {left};");

        Assert.Equal(Enumerable.Repeat($"source_posting.posting_id -> posting.posting_id|{left}", (int)members), orphans);
    }

    [Fact]
    public async Task ReferencesTest_ReportsALatestRow_WhenItsPostingIsGone()
    {
        var moved = Warehouse.AfterFirstBuild.Keys.First(MovedPostingWarehouse.Retitled.ContainsKey);
        var postingId = await Warehouse.ScalarAsync<long>(
            $"select posting_id from incremental_copy.core_source_posting where source_code = 'france_travail' and source_posting_id = '{moved}'");

        var orphans = await OrphansAsync($"delete from incremental_copy.core_posting where posting_id = {postingId};");

        Assert.Contains($"source_posting.posting_id -> posting.posting_id|{postingId}", orphans);
    }

    private async Task<long> KeptLeftPostingAsync()
    {
        foreach (var id in MovedPostingWarehouse.Retitled.Keys)
        {
            var left = Warehouse.AfterFirstBuild[id].PostingId;
            if (await Warehouse.ScalarAsync<long>($"select count(*) from incremental_copy.core_source_posting where posting_id = {left}") > 0)
            {
                return left;
            }
        }
        throw new InvalidOperationException("no retitled offer left a posting with other members");
    }

    // assert_core_references_resolve rendered against the tables as the incremental build left them,
    // run after `change` in a transaction that is rolled back
    private async Task<List<string>> OrphansAsync(string change)
    {
        var project = ProjectLoader.Load(RepositoryPaths.Home);
        var node = project.Nodes["assert_core_references_resolve"];
        string Copy(string name) => GoldenWarehouse.IncrementalTables.Contains(project.RelationOf(name).ToString())
            ? "incremental_copy." + project.RelationOf(name).ToString().Replace('.', '_')
            : project.RelationOf(name).ToString();
        var sql = node.Template!.Render(new RenderContext(Copy, (source, table) => project.Sources[$"{source}.{table}"].Relation.ToString(), node.Relation.ToString(), false))
            .Replace("'core.source_posting'", "'incremental_copy.core_source_posting'");
        Assert.Contains("incremental_copy.core_source_posting", sql);

        await using var connection = await Warehouse.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        if (change.Length > 0)
        {
            await connection.ExecuteAsync(change, transaction: transaction);
        }
        var orphans = (await connection.QueryAsync<(string Reference, string Value)>($"select reference, orphan_value from ({sql}) as orphans order by 1, 2", transaction: transaction))
            .Select(o => $"{o.Reference}|{o.Value}").ToList();
        await transaction.RollbackAsync();
        return orphans;
    }
}
