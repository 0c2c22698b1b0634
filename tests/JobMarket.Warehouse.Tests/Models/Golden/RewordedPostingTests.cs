namespace JobMarket.Warehouse.Tests.Models.Golden;

/// <summary>Postings rewritten with and without a new text (see <see cref="RewordedPostingWarehouse"/>).</summary>
public sealed class RewordedPostingTests(RewordedPostingWarehouse warehouse) : IncrementalVariantTests<RewordedPostingWarehouse>(warehouse)
{
    [Fact]
    public async Task PostingSkill_ReadsTheTextAgainOnlyForTheRewordedPosting_WhenTheSecondBuildRewritesTwo()
    {
        var reworded = await PostingAsync(RewordedPostingWarehouse.Reworded);
        var unchanged = await PostingAsync(RewordedPostingWarehouse.Unchanged);
        // one build rewrote both; only the reworded text counts as changed in it
        Assert.Equal(reworded.LoadedAt, unchanged.LoadedAt);
        Assert.Equal(reworded.LoadedAt, reworded.TextChangedAt);
        Assert.True(unchanged.TextChangedAt < unchanged.LoadedAt, $"{unchanged.TextChangedAt:o} is before {unchanged.LoadedAt:o}");

        var rewordedSkills = await SkillsAsync(reworded.PostingId);
        Assert.Contains("kubernetes", rewordedSkills.Select(s => s.SkillCode));
        Assert.All(rewordedSkills, s => Assert.True(s.LoadedAt > reworded.LoadedAt, $"{s.SkillCode} was read again"));

        var unchangedSkills = await SkillsAsync(unchanged.PostingId);
        Assert.NotEmpty(unchangedSkills);
        Assert.All(unchangedSkills, s => Assert.True(s.LoadedAt < unchanged.LoadedAt, $"{s.SkillCode} was kept from the first build"));
    }

    [Fact]
    public async Task FctPostingSkill_RewritesOnlyTheRewordedPostingsRows_WhenTheFactRewritesBoth()
    {
        foreach (var (id, rewritten) in new[] { (RewordedPostingWarehouse.Reworded, true), (RewordedPostingWarehouse.Unchanged, false) })
        {
            var posting = await PostingAsync(id);
            var fact = await Warehouse.ScalarAsync<DateTime>($"select loaded_at from incremental_copy.marts_fct_job_posting where posting_id = {posting.PostingId}");
            Assert.True(fact > posting.LoadedAt, $"the second build rewrote the fact of {id}");

            var bridge = await Warehouse.QueryAsync<DateTime>($"select loaded_at from incremental_copy.marts_fct_posting_skill where posting_id = {posting.PostingId}");
            Assert.NotEmpty(bridge);
            Assert.All(bridge, loadedAt => Assert.Equal(rewritten, loadedAt > fact));
        }
    }

    [Fact]
    public async Task SkillTables_DropThePostingsSkills_WhenItsNewTextNamesNone()
    {
        // after fetch 1 it names customer focus (GoldenModelsTests' skills of 201AAA4)
        var silenced = await PostingAsync(RewordedPostingWarehouse.Silenced);
        Assert.Equal(silenced.LoadedAt, silenced.TextChangedAt);

        Assert.Empty(await SkillsAsync(silenced.PostingId));
        Assert.Equal(0L, await Warehouse.ScalarAsync<long>($"select count(*) from incremental_copy.marts_fct_posting_skill where posting_id = {silenced.PostingId}"));
    }

    private async Task<(long PostingId, DateTime LoadedAt, DateTime TextChangedAt)> PostingAsync(string sourcePostingId) =>
        (await Warehouse.QueryAsync<(long, DateTime, DateTime)>($"""
            select p.posting_id, p.loaded_at, p.text_changed_at
            from incremental_copy.core_posting p
            join incremental_copy.core_source_posting s using (posting_id)
            where s.source_code = 'france_travail' and s.source_posting_id = '{sourcePostingId}'
            """)).Single();

    private Task<List<(string SkillCode, DateTime LoadedAt)>> SkillsAsync(long postingId) =>
        Warehouse.QueryAsync<(string, DateTime)>($"""
            select k.skill_code, ps.loaded_at
            from incremental_copy.core_posting_skill ps
            join core.skill k using (skill_id)
            where ps.posting_id = {postingId}
            """);
}
