using Dapper;
using JobMarket.Warehouse.Tests.Infrastructure;
using Npgsql;

namespace JobMarket.Warehouse.Tests.Reco;

public sealed class SimilarPostingTests
{
    private static async Task<(NpgsqlDataSource, RecoWarehouse)> FreshAsync()
    {
        var dataSource = NpgsqlDataSource.Create(await PostgresCluster.CreateDatabaseAsync("reco"));
        return (dataSource, await RecoWarehouse.CreateAsync(dataSource));
    }

    /// <summary>Four clusters (developers, nurses in French and English, accountants, data engineers), a loner and a closed posting.</summary>
    internal static async Task AddClusteredCorpusAsync(RecoWarehouse warehouse)
    {
        await warehouse.AddPostingAsync(1, "Développeur Python Django",
            "Vous développerez des API REST en Python et Django avec PostgreSQL pour nos clients.", skills: ["Python", "Django", "PostgreSQL"]);
        await warehouse.AddPostingAsync(2, "Développeur Python Django",
            "Vous développerez des API REST en Python et Django avec PostgreSQL pour notre plateforme.", skills: ["Python", "Django", "PostgreSQL"]);
        await warehouse.AddPostingAsync(3, "Développeur Python", "", departement: "69", skills: ["Python"]);
        await warehouse.AddPostingAsync(4, "Infirmier de nuit",
            "Soins aux patients hospitalisés, surveillance nocturne en service de cardiologie.", departement: "13", contract: "fixed_term");
        await warehouse.AddPostingAsync(5, "Infirmière de nuit",
            "Soins aux patients, surveillance nocturne du service de cardiologie de l'hôpital.", departement: "13");
        await warehouse.AddPostingAsync(6, "Comptable fournisseurs",
            "Saisie des factures fournisseurs, rapprochements bancaires et clôture mensuelle.", skills: ["Excel", "Sage"]);
        await warehouse.AddPostingAsync(7, "Comptable fournisseurs confirmé",
            "Saisie des factures fournisseurs, rapprochements bancaires, déclarations de TVA.", skills: ["Excel", "Sage"]);
        await warehouse.AddPostingAsync(8, "Data engineer",
            "Build batch pipelines with Spark and Airflow feeding the warehouse.", language: "en", remote: "full_remote", skills: ["Spark", "Airflow"]);
        await warehouse.AddPostingAsync(9, "Senior data engineer",
            "Building streaming pipelines with Spark and Kafka that feed the warehouse.", language: "en", remote: "full_remote", skills: ["Spark", "Kafka"]);
        await warehouse.AddPostingAsync(10, "Registered nurse",
            "Nursing care for patients in the intensive care unit, night shifts.", language: "en");
        await warehouse.AddPostingAsync(11, "Registered nurses",
            "Nursing care of patients in our intensive care unit; rotating shifts.", language: "en");
        await warehouse.AddPostingAsync(12, "Boulanger", "Fabrication du pain au levain, viennoiseries, fournil.");
        await warehouse.AddPostingAsync(13, "Développeur Python Django", "Poste pourvu.", isActive: false, skills: ["Python"]);
    }

    private static readonly Dictionary<long, int> s_cluster = new()
    {
        [1] = 1, [2] = 1, [3] = 1, [4] = 2, [5] = 2, [6] = 3, [7] = 3, [8] = 4, [9] = 4, [10] = 2, [11] = 2,
    };

    // Cosine of every pair sharing a term, ranked per posting as the view ranks.
    private const string BruteForceNeighbours = """
        with pair as (
            select a.posting_id, b.posting_id as similar_posting_id, sum(a.weight::double precision * b.weight) as score
            from reco.reco_posting_term as a
            inner join reco.reco_posting_term as b on a.term = b.term and a.posting_id <> b.posting_id
            group by a.posting_id, b.posting_id
        )
        select posting_id, similar_posting_id, row_number() over (partition by posting_id order by score desc, similar_posting_id) as rank, score
        from pair
        """;

    private sealed record Neighbour(long PostingId, long SimilarPostingId, long SimilarityRank, float Score);

    private static async Task<List<Neighbour>> NeighboursAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<Neighbour>("""
            select posting_id as postingid, similar_posting_id as similarpostingid, similarity_rank as similarityrank, score
            from reco.reco_similar_posting order by posting_id, similarity_rank
            """)).ToList();
    }

    [Fact]
    public async Task Build_RanksNearDuplicatesFirstAndNeverPairsUnrelatedPostings_WhenCorpusHasKnownNeighbours()
    {
        var (dataSource, warehouse) = await FreshAsync();
        await using var _ = dataSource;
        await AddClusteredCorpusAsync(warehouse);

        await warehouse.BuildAsync();

        var neighbours = await NeighboursAsync(dataSource);
        Assert.NotEmpty(neighbours);
        Assert.All(neighbours, n => Assert.Equal(s_cluster[n.PostingId], s_cluster[n.SimilarPostingId]));
        Assert.DoesNotContain(neighbours, n => n.PostingId is 12 or 13 || n.SimilarPostingId is 12 or 13);
        foreach (var (posting, twin) in new[] { (1L, 2L), (2L, 1L), (4L, 5L), (6L, 7L), (8L, 9L), (10L, 11L) })
        {
            var first = neighbours.First(n => n.PostingId == posting);
            Assert.Equal(twin, first.SimilarPostingId);
            Assert.Equal(1, first.SimilarityRank);
        }
        Assert.All(neighbours, n => Assert.InRange(n.Score, 1e-6f, 1.0001f));
        var duplicatePair = neighbours.Single(n => n.PostingId == 1 && n.SimilarPostingId == 2);
        var titleOnly = neighbours.Single(n => n.PostingId == 1 && n.SimilarPostingId == 3);
        Assert.True(duplicatePair.Score > titleOnly.Score);
    }

    [Fact]
    public async Task Build_WeighsTitleOnlyPostingsAsUnitVectors_WhenDescriptionsAreEmptyOrNull()
    {
        var (dataSource, warehouse) = await FreshAsync();
        await using var _ = dataSource;
        await warehouse.AddPostingAsync(1, "Développeur Python", null);
        await warehouse.AddPostingAsync(2, "Développeur Python", "");
        await warehouse.AddPostingAsync(3, "Développeur Java", "   ");
        await warehouse.AddPostingAsync(4, "Chef cuisinier", null);
        await warehouse.AddPostingAsync(5, "Chef de rang", "");

        await warehouse.BuildAsync();

        await using var connection = await dataSource.OpenConnectionAsync();
        var norms = (await connection.QueryAsync<double>(
            "select sqrt(sum(weight * weight)) from reco.reco_posting_term group by posting_id")).ToList();
        Assert.NotEmpty(norms);
        Assert.All(norms, norm => Assert.Equal(1.0, norm, 4));
        var neighbours = await NeighboursAsync(dataSource);
        var first = neighbours.First(n => n.PostingId == 1);
        Assert.Equal(2, first.SimilarPostingId);
        Assert.Equal(1.0f, first.Score, 4);
    }

    [Fact]
    public async Task Build_SucceedsWithEmptyViews_WhenCorpusHasOnePosting()
    {
        var (dataSource, warehouse) = await FreshAsync();
        await using var _ = dataSource;
        await warehouse.AddPostingAsync(1, "Développeur Python", "API REST en Python.", skills: ["Python", "Django"]);

        await warehouse.BuildAsync();
        await warehouse.BuildAsync();

        await using var connection = await dataSource.OpenConnectionAsync();
        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("select count(*) from reco.reco_similar_posting"));
        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("select count(*) from reco.reco_term_idf"));
        Assert.Equal(1L, await connection.ExecuteScalarAsync<long>("select count(*) from reco.reco_posting"));
        Assert.Equal(2L, await connection.ExecuteScalarAsync<long>("select count(*) from reco.reco_skill_affinity"));
    }

    [Fact]
    public async Task Build_StemsAndDropsStopWordsPerLanguage_WhenCorpusMixesFrenchAndEnglish()
    {
        var (dataSource, warehouse) = await FreshAsync();
        await using var _ = dataSource;
        await AddClusteredCorpusAsync(warehouse);

        await warehouse.BuildAsync();

        await using var connection = await dataSource.OpenConnectionAsync();
        var terms = (await connection.QueryAsync<(long PostingId, string Term)>(
            "select posting_id, unnest(terms) from reco.reco_posting_term_frequency where posting_id in (4, 5, 10, 11)")).ToList();
        // 'nurse' / 'nurses' / 'nursing' stem together in English; French stop words are gone.
        Assert.Contains((10L, "nurs"), terms);
        Assert.Contains((11L, "nurs"), terms);
        Assert.DoesNotContain(terms, t => t.Term is "de" or "du" or "aux" or "the" or "in" or "our");
        Assert.Contains((4L, "soin"), terms);
        Assert.Contains((5L, "soin"), terms);
        // English data engineers meet only each other; nurses meet across languages on shared stems
        // ('patient'), yet each one's twin in its own language ranks first.
        var neighbours = await NeighboursAsync(dataSource);
        Assert.All(neighbours.Where(n => n.PostingId is 8 or 9), n => Assert.Contains(n.SimilarPostingId, new long[] { 8, 9 }));
        Assert.Equal(11, neighbours.First(n => n.PostingId == 10).SimilarPostingId);
        Assert.Equal(5, neighbours.First(n => n.PostingId == 4).SimilarPostingId);
    }

    [Fact]
    public async Task Refresh_LetsReadersQueryThroughoutAndPublishesNewRows_WhenRunConcurrently()
    {
        var (dataSource, warehouse) = await FreshAsync();
        await using var _ = dataSource;
        await AddClusteredCorpusAsync(warehouse);
        await warehouse.BuildAsync();
        var before = (await NeighboursAsync(dataSource)).Count;
        await warehouse.AddPostingAsync(14, "Développeur Python Django",
            "Vous développerez des API REST en Python et Django avec PostgreSQL.", skills: ["Python"]);

        // A reader holds the view open in a repeatable-read transaction across the whole refresh.
        await using var reader = await dataSource.OpenConnectionAsync();
        await using var transaction = await reader.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead);
        Assert.Equal(before, await reader.ExecuteScalarAsync<long>("select count(*) from reco.reco_similar_posting", transaction: transaction));
        using var stop = new CancellationTokenSource();
        var readsDuringRefresh = 0;
        var readers = Task.Run(async () =>
        {
            await using var other = await dataSource.OpenConnectionAsync();
            while (!stop.IsCancellationRequested)
            {
                Assert.True(await other.ExecuteScalarAsync<long>("select count(*) from reco.reco_similar_posting") >= before);
                readsDuringRefresh++;
            }
        });

        await warehouse.BuildAsync();
        stop.Cancel();
        await readers;

        Assert.Equal(before, await reader.ExecuteScalarAsync<long>("select count(*) from reco.reco_similar_posting", transaction: transaction));
        await transaction.CommitAsync();
        var after = await NeighboursAsync(dataSource);
        Assert.True(after.Count > before);
        Assert.Contains(after, n => n.PostingId == 14 && n.SimilarityRank == 1 && n.SimilarPostingId is 1 or 2);
        Assert.True(readsDuringRefresh > 0);
    }

    private static async Task<NpgsqlDataSource> BuildGeneratedAsync()
    {
        var (dataSource, warehouse) = await FreshAsync();
        await warehouse.AddGeneratedPostingsAsync(400, inParis: 400);
        await warehouse.BuildAsync();
        return dataSource;
    }

    [Fact]
    public async Task SimilarPostings_GivesTheExactTopTenCosines_WhenNothingIsPruned()
    {
        await using var dataSource = await BuildGeneratedAsync();

        await using var connection = await dataSource.OpenConnectionAsync();
        // Every term probed and every list read whole: the partial dot products are the cosines.
        // Compared rank by rank on the score, so equal cosines may come in either order.
        var mismatches = await connection.QueryAsync<(long PostingId, long Rank)>($"""
            with exact as ({BruteForceNeighbours}),
            unpruned as (
                select posting_id, (n).similarity_rank as rank, (n).score
                from (
                    select posting_id, reco.similar_postings(posting_id, 0, 1000000, 30) as n
                    from reco.reco_posting
                ) as called
            )
            select coalesce(exact.posting_id, unpruned.posting_id), coalesce(exact.rank, unpruned.rank)
            from (select * from exact where rank <= 10) as exact
            full join unpruned on exact.posting_id = unpruned.posting_id and exact.rank = unpruned.rank
            where exact.score is null or unpruned.score is null or abs(exact.score - unpruned.score) > 1e-5
            """);

        Assert.Empty(mismatches);
    }

    // View neighbours found among the exact top 10 of the current vectors (a neighbour counts when its
    // cosine reaches the exact 10th best: ties may go either way), and the exact top 10's size; both
    // over the pairs (posting_id, similar_posting_id) that pass pairFilter.
    private static Task<(long Found, long Expected)> RecallAsync(NpgsqlConnection connection, string pairFilter = "true") =>
        connection.QuerySingleAsync<(long Found, long Expected)>($"""
            with exact as ({BruteForceNeighbours}),
            tenth as (select posting_id, score from exact where rank = 10)
            select
                (select count(*) from (select * from reco.reco_similar_posting where {pairFilter}) as view_row
                 inner join tenth on tenth.posting_id = view_row.posting_id
                 where view_row.score >= tenth.score - 1e-5),
                (select count(*) from exact where rank <= 10 and ({pairFilter}))
            """);

    // View rows whose score is not the cosine of the two postings' current vectors.
    private const string StaleScores = """
        select count(*)
        from reco.reco_similar_posting as view_row
        where abs(view_row.score - coalesce((
            select sum(a.weight::double precision * b.weight)
            from reco.reco_posting_term as a
            inner join reco.reco_posting_term as b on a.term = b.term
            where a.posting_id = view_row.posting_id and b.posting_id = view_row.similar_posting_id), 0)) > 1e-5
        """;

    [Fact]
    public async Task Build_FindsNineInTenOfTheExactTopTen_WhenTheDefaultsPrune()
    {
        await using var dataSource = await BuildGeneratedAsync();

        await using var connection = await dataSource.OpenConnectionAsync();
        var (found, expected) = await RecallAsync(connection);

        Assert.Equal(4000L, expected);
        Assert.Equal(4000L, await connection.ExecuteScalarAsync<long>("select count(*) from reco.reco_similar_posting"));
        Assert.True(found >= 0.9 * expected, $"{found} of {expected} exact neighbours found");
    }

    [Fact]
    public async Task Build_KeepsTheVocabularyAndUpdatesOnlyWhatChanged_WhenADayAddsClosesAndRewritesPostings()
    {
        var (dataSource, warehouse) = await FreshAsync();
        await using var _ = dataSource;
        await warehouse.AddGeneratedPostingsAsync(400, inParis: 400);
        await warehouse.BuildAsync();
        await using var connection = await dataSource.OpenConnectionAsync();
        const string FitQuery = "select max(fitted_at) from reco.reco_term_idf";
        const string SeenAgainQuery = "select changed_at from reco.reco_posting_term_frequency where posting_id = 7";
        var fittedAt = await connection.ExecuteScalarAsync<DateTime>(FitQuery);
        var seenAgainChangedAt = await connection.ExecuteScalarAsync<DateTime>(SeenAgainQuery);
        long[] closed = [3, 14, 25, 36, 47, 58, 69, 80, 91, 102];

        await warehouse.AddGeneratedPostingsAsync(20, inParis: 0, firstId: 401);
        await warehouse.RewritePostingsAsync(closed, retitled: [30, 31, 32], untouched: [7, 8, 9]);
        await warehouse.BuildAsync();

        Assert.Equal(fittedAt, await connection.ExecuteScalarAsync<DateTime>(FitQuery));
        Assert.Equal(seenAgainChangedAt, await connection.ExecuteScalarAsync<DateTime>(SeenAgainQuery));
        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("""
            select
                (select count(*) from reco.reco_posting_term_frequency where posting_id = any(@closed))
                + (select count(*) from reco.reco_posting_term where posting_id = any(@closed))
                + (select count(*) from reco.reco_posting_neighbour where posting_id = any(@closed) or similar_posting_id = any(@closed))
            """, new { closed }));
        // The retitled postings were tokenised again; 'levain' is not in the kept vocabulary, so it weighs nothing.
        Assert.Equal(3L, await connection.ExecuteScalarAsync<long>(
            "select count(*) from reco.reco_posting_term_frequency where posting_id in (30, 31, 32) and 'levain' = any(terms)"));
        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("select count(*) from reco.reco_posting_term where term = 'levain'"));
        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>(StaleScores));
        Assert.Equal(200L, await connection.ExecuteScalarAsync<long>("select count(*) from reco.reco_similar_posting where posting_id > 400"));
        // The new postings reach the older postings' lists (through the offers) about as often as they should.
        var (foundNew, expectedNew) = await RecallAsync(connection, "posting_id <= 400 and similar_posting_id > 400");
        Assert.True(expectedNew > 0);
        Assert.True(foundNew >= 0.8 * expectedNew, $"{foundNew} of {expectedNew} exact neighbours among the new postings found");
        var (found, expected) = await RecallAsync(connection);
        Assert.Equal(4100L, expected);
        Assert.True(found >= 0.9 * expected, $"{found} of {expected} exact neighbours found");
    }

    [Fact]
    public async Task Build_FitsTheVocabularyAgainAndRecomputesEveryNeighbour_WhenMostPostingsAreNew()
    {
        var (dataSource, warehouse) = await FreshAsync();
        await using var _ = dataSource;
        await warehouse.AddGeneratedPostingsAsync(100, inParis: 100);
        await warehouse.BuildAsync();
        await using var connection = await dataSource.OpenConnectionAsync();
        var firstFit = await connection.ExecuteScalarAsync<DateTime>("select max(fitted_at) from reco.reco_term_idf");

        await warehouse.AddGeneratedPostingsAsync(300, inParis: 400, firstId: 101);
        await warehouse.BuildAsync();

        var (fittedAt, fittedOn) = await connection.QuerySingleAsync<(DateTime, long)>(
            "select max(fitted_at), max(count_postings) from reco.reco_term_idf");
        Assert.True(fittedAt > firstFit);
        Assert.Equal(400L, fittedOn);
        Assert.Equal(1L, await connection.ExecuteScalarAsync<long>("select count(distinct fitted_at) from reco.reco_term_idf"));
        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("""
            select
                (select count(*) from reco.reco_posting_term where computed_at < @fittedAt)
                + (select count(*) from reco.reco_posting_neighbour where computed_at < @fittedAt)
            """, new { fittedAt }));
        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>(StaleScores));
        var (found, expected) = await RecallAsync(connection);
        Assert.Equal(4000L, expected);
        Assert.True(found >= 0.9 * expected, $"{found} of {expected} exact neighbours found");
    }
}
