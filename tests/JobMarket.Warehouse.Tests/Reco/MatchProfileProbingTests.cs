using Dapper;
using JobMarket.Warehouse.Tests.Infrastructure;

namespace JobMarket.Warehouse.Tests.Reco;

/// <summary>
/// reco.match_profile on 2,100 generated postings: 2,050 in département 75 make that filter too
/// wide for exact scoring (over 2,000 postings), so the function probes the term index, and its
/// scores must still be the exact cosines a brute-force query computes.
/// </summary>
public sealed class MatchProfileProbingTests : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private readonly DatabaseFixture _database;

    public MatchProfileProbingTests(DatabaseFixture database) => _database = database;

    public async Task InitializeAsync()
    {
        var warehouse = await RecoWarehouse.CreateAsync(_database.DataSource);
        await warehouse.AddGeneratedPostingsAsync(2100, inParis: 2050);
        // The neighbour view is not needed here and is the slow part of a build.
        await warehouse.BuildAsync("reco_similar_posting");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    // null: probing, lists under the cap, so exact; "13": 50 postings, scored exactly; "75": 2,050
    // postings, probing with filtered lists capped at 100 entries, so the set is approximate.
    [Theory]
    [InlineData(null, true)]
    [InlineData("13", true)]
    [InlineData("75", false)]
    public async Task MatchProfile_ReturnsExactCosinesOfPostingsPassingTheFilter_WhenProbingOrScoringExactly(
        string? departement, bool findsTheBest)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync();
        const string profile = "motbar motcar motdbr motebr motfar";

        var matches = (await connection.QueryAsync<(long PostingId, double Score)>(
            "select posting_id, score from reco.match_profile(@profile, departement => @departement, max_results => 20)",
            new { profile, departement })).ToList();
        var exact = (await connection.QueryAsync<(long PostingId, double Score)>("""
            with query_term as (
                select term_frequency.term, term_frequency.term_frequency * term_idf.idf as tf_idf
                from reco.term_frequencies('french', null, @profile) as term_frequency
                inner join reco.reco_term_idf as term_idf on term_frequency.term = term_idf.term
            )
            select posting_term.posting_id,
                sum(posting_term.weight * query_term.tf_idf) / sqrt((select sum(tf_idf * tf_idf) from query_term)) as score
            from reco.reco_posting_term as posting_term
            inner join query_term on posting_term.term = query_term.term
            inner join reco.reco_posting as posting on posting.posting_id = posting_term.posting_id
            where @departement::text is null or posting.departement_code = @departement
            group by posting_term.posting_id
            """, new { profile, departement })).ToDictionary(row => row.PostingId, row => row.Score);

        Assert.Equal(20, matches.Count);
        // Every posting passes the filter (exact holds only those) and carries its exact cosine.
        Assert.All(matches, match => Assert.Equal(exact[match.PostingId], match.Score, 5));
        Assert.Equal(matches.Select(m => m.Score).OrderDescending(), matches.Select(m => m.Score));
        if (findsTheBest)
        {
            Assert.Equal(exact.Values.Max(), matches[0].Score, 5);
        }
        else
        {
            // Truncated filtered lists may miss the very best, never by much on this corpus.
            Assert.True(matches[0].Score >= 0.9 * exact.Values.Max(), $"{matches[0].Score} vs {exact.Values.Max()}");
        }
    }
}
