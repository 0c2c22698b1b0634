namespace JobMarket.Warehouse.Tests.Models.Golden;

/// <summary>New source postings that join stored canonical postings (see <see cref="JoinedPostingWarehouse"/>).</summary>
public sealed class JoinedPostingTests(JoinedPostingWarehouse warehouse) : IncrementalVariantTests<JoinedPostingWarehouse>(warehouse)
{
    [Fact]
    public async Task IncrementalBuild_CombinesTheStoredPostingWithItsNewMember_WhenANewSourcePostingJoinsIt()
    {
        foreach (var (id, (repeats, longer)) in JoinedPostingWarehouse.Joined)
        {
            var postingId = Warehouse.AfterFirstBuild[repeats].PostingId;
            var joined = await Warehouse.RowAsync(
                "select posting_id, previous_posting_id from incremental_copy.core_source_posting where source_code = 'france_travail' and source_posting_id = @id", new { id });
            Assert.NotNull(joined);
            Assert.Equal(postingId, (long)joined["posting_id"]!);
            Assert.Null(joined["previous_posting_id"]);

            var posting = await Warehouse.RowAsync(
                "select count_source_postings, primary_source_posting_id, source_codes from incremental_copy.core_posting where posting_id = @postingId", new { postingId });
            Assert.NotNull(posting);
            var members = await Warehouse.ScalarAsync<long>($"select count(*) from incremental_copy.core_source_posting where posting_id = {postingId}");
            Assert.True(members >= 2, $"{repeats} and {id} share posting {postingId}");
            Assert.Equal(members, (long)posting["count_source_postings"]!);
            // the longer description wins among France Travail offers; a shorter one leaves the text as it was
            Assert.Equal(longer ? id : repeats, posting["primary_source_posting_id"]);
            Assert.Contains("france_travail", (string[])posting["source_codes"]!);
        }
    }
}
