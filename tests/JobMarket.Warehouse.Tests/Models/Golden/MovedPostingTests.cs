namespace JobMarket.Warehouse.Tests.Models.Golden;

/// <summary>Source postings whose fingerprint moves between builds (see <see cref="MovedPostingWarehouse"/>).</summary>
public sealed class MovedPostingTests(MovedPostingWarehouse warehouse) : IClassFixture<MovedPostingWarehouse>
{
    public static TheoryData<string> IncrementalTables => [.. GoldenWarehouse.IncrementalTables];

    [Theory]
    [MemberData(nameof(IncrementalTables))]
    public async Task IncrementalBuild_WritesWhatAFullRefreshWrites_WhenSourcePostingsMoveToAnotherPosting(string table)
    {
        Assert.True(warehouse.SecondBuild.Succeeded, warehouse.SecondBuild.Summary);
        Assert.True(warehouse.FullRefreshBuild.Succeeded, warehouse.FullRefreshBuild.Summary);

        Assert.Empty(await warehouse.IncrementalDifferencesAsync(table));
    }

    [Fact]
    public async Task IncrementalBuild_MergesAgainThePostingLeftOrDropsItWithItsRows_WhenItsSourcePostingMoves()
    {
        var kept = 0;
        var dropped = 0;
        foreach (var id in MovedPostingWarehouse.Retitled.Keys)
        {
            var left = warehouse.AfterFirstBuild[id].PostingId;
            var moved = await warehouse.RowAsync(
                "select posting_id, previous_posting_id from incremental_copy.core_source_posting where source_code = 'france_travail' and source_posting_id = @id", new { id });
            Assert.NotNull(moved);
            Assert.Equal(left, (long)moved["previous_posting_id"]!);
            Assert.NotEqual(left, (long)moved["posting_id"]!);

            var members = await warehouse.ScalarAsync<long>($"select count(*) from incremental_copy.core_source_posting where posting_id = {left}");
            if (members > 0)
            {
                kept++;
                Assert.Equal(members, await warehouse.ScalarAsync<long>($"select count_source_postings from incremental_copy.core_posting where posting_id = {left}"));
            }
            else
            {
                dropped++;
                foreach (var table in new[] { "core_posting", "core_posting_salary", "core_posting_skill", "marts_fct_job_posting", "marts_fct_posting_skill" })
                {
                    Assert.Equal(0L, await warehouse.ScalarAsync<long>($"select count(*) from incremental_copy.{table} where posting_id = {left}"));
                }
            }
        }
        // the golden offers chosen cover both ways
        Assert.Equal((1, 1), (kept, dropped));
    }
}
