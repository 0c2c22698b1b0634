using Dapper;
using JobMarket.Warehouse.Runner.Metabase.Content;
using JobMarket.Warehouse.Tests.Infrastructure;
using Npgsql;

namespace JobMarket.Warehouse.Tests.Metabase;

/// <summary>Every shipped question, run the way Metabase runs it: as <c>jobmarket_reader</c>, on a built warehouse.</summary>
public sealed class QuestionQueriesTests(SampleWarehouseFixture warehouse) : IClassFixture<SampleWarehouseFixture>
{
    // audit.source_freshness has no writer on this build yet (the engine's freshness check), so
    // this question can only be shown to run; it returns rows once freshness checks are recorded.
    private static readonly HashSet<string> s_awaitingData = ["health_source_freshness"];

    private static readonly MetabaseContent s_content = ContentLoader.Load(RepositoryPaths.Project.Metabase);

    public static TheoryData<string> Questions => [.. s_content.Questions.Select(q => q.Slug)];

    [Theory]
    [MemberData(nameof(Questions))]
    public async Task Question_ReturnsRows_WhenRunAsTheReaderRole(string slug)
    {
        var question = s_content.Questions.Single(q => q.Slug == slug);

        var rows = await RunAsReaderAsync(question, values: null);

        if (s_awaitingData.Contains(slug))
        {
            return;
        }
        Assert.NotEmpty(rows);
    }

    [Theory]
    [MemberData(nameof(Questions))]
    public async Task Question_Runs_WhenEveryFilterIsSet(string slug)
    {
        var question = s_content.Questions.Single(q => q.Slug == slug);
        // A value the data holds for each dashboard filter, so the optional clauses are exercised.
        var values = new Dictionary<string, object?>();
        foreach (var tag in question.TemplateTags.Where(t => t.Default is null))
        {
            values[tag.Name] = await SampleValueAsync(tag.Name);
        }

        await RunAsReaderAsync(question, values);
    }

    [Fact]
    public async Task ReaderRole_CannotReadRawOrCore()
    {
        await using var connection = await warehouse.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("set local role jobmarket_reader", transaction: transaction);

        foreach (var relation in new[] { "raw.adzuna_pages", "core.posting", "staging.stg_adzuna__postings", "audit.run" })
        {
            await connection.ExecuteAsync("savepoint probe", transaction: transaction);
            var denied = await Assert.ThrowsAsync<PostgresException>(() =>
                connection.ExecuteScalarAsync<long>($"select count(*) from {relation}", transaction: transaction));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, denied.SqlState);
            await connection.ExecuteAsync("rollback to savepoint probe", transaction: transaction);
        }
        Assert.True(await connection.ExecuteScalarAsync<long>("select count(*) from marts.fct_job_posting", transaction: transaction) > 0);
    }

    [Fact]
    public async Task SalariesByRegion_GivesTheFactsExactPercentiles_WhenFilteredOnExperience()
    {
        var question = s_content.Questions.Single(q => q.Slug == "salaries_by_region");
        var experience = (string)(await SampleValueAsync("experience"))!;

        var rows = await RunAsReaderAsync(question, new Dictionary<string, object?> { ["experience"] = experience });

        await using var connection = await warehouse.DataSource.OpenConnectionAsync();
        var expected = (await connection.QueryAsync<(string Region, long Count, decimal Median)>("""
            select coalesce(l.region_name, 'Unknown'), count(*),
                   round((percentile_cont(0.5) within group (order by f.salary_mid_eur))::numeric, 0)
            from marts.fct_job_posting f
            join marts.dim_location l on l.location_key = f.region_key
            join marts.dim_experience e on e.experience_key = f.experience_key
            where f.has_salary and not f.is_salary_predicted and e.experience_code = @experience
            group by 1
            """, new { experience })).OrderBy(r => r.Region, StringComparer.Ordinal).ToList();
        var actual = rows.Select(r => ((string)r.region_name, (long)r.count_postings, (decimal)r.salary_median_eur))
            .OrderBy(r => r.Item1, StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Build_Succeeded_OnTheBundledSamples()
    {
        Assert.True(warehouse.Build.Succeeded, string.Join("; ", warehouse.Build.Nodes.Where(n => n.Status is "error" or "skipped").Select(n => $"{n.Name} {n.Status}: {n.Message}")));
    }

    private async Task<List<dynamic>> RunAsReaderAsync(Question question, IReadOnlyDictionary<string, object?>? values)
    {
        var (sql, parameters) = NativeQuery.Render(question.Sql, question.TemplateTags, values);
        await using var connection = await warehouse.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("set local role jobmarket_reader", transaction: transaction);
        return [.. await connection.QueryAsync(sql, new DynamicParameters(parameters), transaction)];
    }

    private async Task<object?> SampleValueAsync(string tag)
    {
        var sql = tag switch
        {
            "region" => "select region_name from marts.mart_posting_trends_weekly where region_name <> 'Unknown' order by count_new desc limit 1",
            "occupation" => "select occupation_label from marts.mart_posting_trends_weekly order by count_new desc limit 1",
            "experience" => "select experience_code from marts.mart_salary_benchmark order by count_postings desc limit 1",
            "skill" => "select skill_name from marts.mart_skill_demand_monthly order by count_postings_with_skill desc limit 1",
            "status" => "select status from marts.mart_warehouse_runs limit 1",
            "command" => "select command from marts.mart_warehouse_runs limit 1",
            "model" => "select node from marts.mart_model_durations limit 1",
            "severity" => "select severity from marts.mart_test_failures limit 1",
            _ => throw new InvalidOperationException($"no sample value for template tag '{tag}': add one here"),
        };
        await using var connection = await warehouse.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<string?>(sql);
    }
}
