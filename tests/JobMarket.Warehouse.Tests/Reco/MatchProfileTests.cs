using Dapper;
using JobMarket.Warehouse.Tests.Infrastructure;
using Npgsql;

namespace JobMarket.Warehouse.Tests.Reco;

public sealed class MatchProfileTests : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private readonly DatabaseFixture _database;

    public MatchProfileTests(DatabaseFixture database) => _database = database;

    public async Task InitializeAsync()
    {
        var warehouse = await RecoWarehouse.CreateAsync(_database.DataSource);
        await SimilarPostingTests.AddClusteredCorpusAsync(warehouse);
        await warehouse.BuildAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private sealed class Match
    {
        public long PostingId { get; init; }
        public string Title { get; init; } = "";
        public double Score { get; init; }
        public string[] MatchingSkills { get; init; } = [];
    }

    private async Task<List<Match>> MatchAsync(string sql, object? parameters = null)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<Match>(sql.Replace("select *", "select posting_id as postingid, title, score, matching_skills as matchingskills"), parameters)).ToList();
    }

    [Fact]
    public async Task MatchProfile_RanksTheClosestPostingsWithTheirMatchingSkills_WhenProfileNamesSkills()
    {
        var matches = await MatchAsync("select * from reco.match_profile(@profile)",
            new { profile = "Développeur Python et Django, API REST, PostgreSQL" });

        Assert.InRange(matches.Count, 3, 20);
        Assert.Contains(matches[0].PostingId, new long[] { 1, 2 });
        Assert.Equal(["Django", "PostgreSQL", "Python"], matches[0].MatchingSkills);
        Assert.Equal(new long[] { 1, 2, 3 }, matches.Take(3).Select(m => m.PostingId).Order());
        Assert.DoesNotContain(matches, m => m.PostingId is 12 or 13);
        Assert.All(matches, m => Assert.InRange(m.Score, 1e-9, 1.0001));
        Assert.Equal(matches.Select(m => m.Score).OrderDescending(), matches.Select(m => m.Score));
    }

    [Fact]
    public async Task MatchProfile_DetectsEnglish_WhenProfileIsInEnglish()
    {
        var matches = await MatchAsync("select * from reco.match_profile(@profile, max_results => 2)",
            new { profile = "I am a nurse with years of nursing experience in intensive care units." });

        Assert.Equal(new long[] { 10, 11 }, matches.Select(m => m.PostingId).Order());
    }

    [Fact]
    public async Task MatchProfile_KeepsOnlyPostingsPassingEveryFilter_WhenFiltersAreGiven()
    {
        var byDepartement = await MatchAsync("select * from reco.match_profile(@profile, departement => '69')",
            new { profile = "Développeur Python Django" });
        var byContract = await MatchAsync("select * from reco.match_profile(@profile, contract => 'fixed_term')",
            new { profile = "infirmier soins de nuit" });
        var byRemote = await MatchAsync("select * from reco.match_profile(@profile, remote => 'full_remote')",
            new { profile = "Spark pipelines data engineer, Kafka" });

        Assert.Equal([3L], byDepartement.Select(m => m.PostingId));
        Assert.Equal([4L], byContract.Select(m => m.PostingId));
        Assert.Equal(new long[] { 8, 9 }, byRemote.Select(m => m.PostingId).Order());
        Assert.Equal(["Kafka", "Spark"], byRemote.Single(m => m.PostingId == 9).MatchingSkills);
    }

    [Fact]
    public async Task MatchProfile_ReturnsNothing_WhenProfileIsEmptyOrShareNoTerm()
    {
        Assert.Empty(await MatchAsync("select * from reco.match_profile('')"));
        Assert.Empty(await MatchAsync("select * from reco.match_profile(null)"));
        Assert.Empty(await MatchAsync("select * from reco.match_profile('astronaute lunaire')"));
    }

    [Fact]
    public async Task MatchProfile_FailsNamingTheArgument_WhenMaxResultsIsNotPositive()
    {
        var error = await Assert.ThrowsAsync<PostgresException>(() => MatchAsync("select * from reco.match_profile('python', max_results => 0)"));

        Assert.Contains("max_results must be at least 1, got 0", error.MessageText);
    }

    [Fact]
    public async Task MatchProfile_RunsAsTheReaderRole_WhenCalledByJobmarketReader()
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("set local role jobmarket_reader", transaction: transaction);

        var count = await connection.ExecuteScalarAsync<long>(
            "select count(*) from reco.match_profile('Comptable fournisseurs, Sage')", transaction: transaction);
        var denied = await Assert.ThrowsAsync<PostgresException>(() =>
            connection.ExecuteScalarAsync<long>("select count(*) from core.posting", transaction: transaction));

        Assert.True(count >= 2);
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, denied.SqlState);
    }
}
