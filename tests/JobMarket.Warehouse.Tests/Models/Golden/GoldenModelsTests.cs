using System.Globalization;

namespace JobMarket.Warehouse.Tests.Models.Golden;

/// <summary>
/// Field-by-field expectations on the golden pages (40 source postings: 17 France Travail, 9 Adzuna,
/// 8 JSearch, 6 The Muse). Every expected value below was worked out by hand from the JSON pages and the
/// rules in docs/models.md; a change here is a change of behaviour and needs its reason in the commit.
/// </summary>
public sealed class GoldenModelsTests(GoldenWarehouse golden) : IClassFixture<GoldenWarehouse>
{
    public static TheoryData<string> IncrementalTables => [.. GoldenWarehouse.IncrementalTables];

    [Theory]
    [MemberData(nameof(IncrementalTables))]
    public async Task IncrementalBuild_WritesWhatAFullRefreshWrites_AfterTheSecondFetch(string table)
    {
        Assert.True(golden.SecondBuild.Succeeded, golden.SecondBuild.Summary);
        Assert.True(golden.FullRefreshBuild.Succeeded, golden.FullRefreshBuild.Summary);
        var differences = await golden.IncrementalDifferencesAsync(table);
        Assert.True(await golden.ScalarAsync<long>($"select count(*) from {table}") > 0, $"{table} is empty");
        Assert.Empty(differences);
    }

    [Fact]
    public void Build_SucceedsWithEveryDataTestPassing_WhenBuiltTwiceOnTheGoldenPages()
    {
        foreach (var build in new[] { golden.FirstBuild, golden.SecondBuild })
        {
            Assert.True(build.Succeeded, string.Join("\n", build.Nodes.Where(n => n.Status != "success").Select(n => $"{n.Name}: {n.Status} {n.Message}")));
            var failed = build.Nodes.SelectMany(n => n.Tests).Where(t => t.Status != "pass").Select(t => $"{t.Name}: {t.Status}").ToList();
            Assert.Empty(failed);
        }
    }

    [Theory]
    // source, id, level, commune, département, country, ROME, contract, experience, remote, working time, employer, language, active
    [InlineData("adzuna", "fr:5000000001", "commune", "38185", "38", "FR", "M1810", "permanent", null, "on_site", null, null, "fr", true)]
    [InlineData("adzuna", "fr:5000000002", "commune", "75056", "75", "FR", "M1811", "permanent", "senior", "on_site", "full_time", "Qonto", "en", true)]
    [InlineData("adzuna", "fr:5000000003", "departement", null, "59", "FR", "M1805", "fixed_term", null, "on_site", null, "Leroy Merlin", "fr", true)]
    [InlineData("adzuna", "fr:5000000004", "region", null, null, "FR", "M1419", null, null, "on_site", null, "Decathlon", "fr", true)]
    [InlineData("adzuna", "fr:5000000005", "country", null, null, "FR", "M1806", "permanent", null, "on_site", null, "Capgemini", "fr", true)]
    [InlineData("adzuna", "fr:5000000007", "commune", "69123", "69", "FR", "M1811", "permanent", null, "on_site", "full_time", "ACME", "fr", true)]
    [InlineData("adzuna", "fr:5000000008", "commune", "31555", "31", "FR", "M1805", "permanent", null, "on_site", null, "Sopra Steria", "fr", false)]
    [InlineData("adzuna", "fr:5000000009", "commune", "35238", "35", "FR", "M1805", "permanent", null, "on_site", "part_time", "Orange", "fr", true)]
    [InlineData("adzuna", "gb:5000000006", "country", null, null, "GB", "M1811", "permanent", null, "on_site", "full_time", "Monzo", "en", true)]
    [InlineData("france_travail", "201AAA1", "commune", "69123", "69", "FR", "M1811", "permanent", "mid", "hybrid", "full_time", "ACME SAS", "fr", true)]
    [InlineData("france_travail", "201AAA2", "commune", "75056", "75", "FR", "M1805", "fixed_term", "entry", "on_site", "full_time", "HOLENEK INGENIERIE", "fr", true)]
    [InlineData("france_travail", "201AAA3", "commune", "33063", "33", "FR", "M1419", "temporary", "mid", "on_site", "full_time", "INTERIM PLUS", "fr", true)]
    [InlineData("france_travail", "201AAA4", "commune", "06088", "06", "FR", "D1106", "seasonal", "entry", "on_site", "part_time", "BOULANGERIE DU PORT", "fr", true)]
    [InlineData("france_travail", "201AAA5", "commune", "31555", "31", "FR", "M1806", "freelance", "senior", "on_site", "full_time", "DECIDATA", "fr", true)]
    [InlineData("france_travail", "201AAA6", "commune", "44109", "44", "FR", "M1802", "permanent", "senior", "on_site", "full_time", "NUVOLA", "fr", true)]
    [InlineData("france_travail", "201AAA7", "commune", "2A004", "2A", "FR", "M1855", "apprenticeship", "entry", "on_site", "full_time", "CORSICA WEB", "fr", true)]
    [InlineData("france_travail", "201AAA8", "region", null, null, "FR", "M1806", "permanent", "senior", "on_site", "full_time", "BANQUE CENTRALE DATA", "fr", true)]
    [InlineData("france_travail", "201AAA9", "country", null, null, "FR", "M1805", "permanent", "entry", "full_remote", "full_time", "REMOTEFIRST", "fr", true)]
    [InlineData("france_travail", "201AAB0", "commune", "35238", "35", "FR", "M1405", "permanent", "mid", "on_site", "full_time", "DATALYSE", "fr", true)]
    [InlineData("france_travail", "201AAB1", "commune", "38185", "38", "FR", "M1810", "permanent", "mid", "on_site", "full_time", "NUAGIX", "fr", true)]
    [InlineData("france_travail", "201AAB2", "commune", "59350", "59", "FR", "M1802", "fixed_term", "entry", "on_site", "full_time", "HELPDESK NORD", "fr", false)]
    [InlineData("france_travail", "201AAB3", "commune", "97411", "974", "FR", "M1801", "fixed_term", "mid", "on_site", "full_time", "REUNION IT", "fr", true)]
    [InlineData("france_travail", "201AAB4", "commune", "67482", "67", "FR", "M1811", "permanent", "senior", "on_site", "full_time", "ALSACE DATA", "fr", true)]
    [InlineData("france_travail", "201AAB5", "commune", "69149", "69", "FR", "M1403", "permanent", "entry", "on_site", "full_time", "INSTITUT SONDAGE", "fr", true)]
    [InlineData("france_travail", "201AAB6", "commune", "80021", "80", "FR", "M1606", "permanent", "entry", "on_site", "full_time", "TEMPO EMPLOI", "fr", true)]
    [InlineData("france_travail", "201AAB7", "commune", "13055", "13", "FR", "M1805", "fixed_term", "entry", "on_site", "full_time", "ATELIER NUMERIQUE", "fr", true)]
    [InlineData("jsearch", "js-acmecorp-06==", "country", null, null, "US", "M1811", "permanent", null, "on_site", "full_time", "Acme Corp", "en", true)]
    [InlineData("jsearch", "js-bnp-05==", "commune", "92050", "92", "FR", "M1419", "internship", "internship", "on_site", null, "BNP Paribas", "fr", true)]
    [InlineData("jsearch", "js-datalyse-01==", "commune", "35238", "35", "FR", "M1405", "permanent", null, "on_site", "full_time", "Datalyse SAS", "fr", true)]
    [InlineData("jsearch", "js-doctolib-07==", "commune", "75056", "75", "FR", "M1811", "permanent", null, "on_site", "full_time", "Doctolib", "fr", true)]
    [InlineData("jsearch", "js-gitlab-04==", "country", null, null, "FR", "M1811", "freelance", null, "full_remote", null, "GitLab", "en", true)]
    [InlineData("jsearch", "js-mistral-02==", "commune", "75056", "75", "FR", "M1405", "permanent", null, "hybrid", "full_time", "Mistral AI", "fr", true)]
    [InlineData("jsearch", "js-scale-03==", "commune", "13055", "13", "FR", null, "permanent", null, "on_site", "part_time", "Scale", "fr", true)]
    [InlineData("jsearch", "js-ubisoft-08==", "commune", "93048", "93", "FR", "M1811", "permanent", null, "on_site", "full_time", "Ubisoft", "fr", true)]
    [InlineData("themuse", "14100001", "commune", "75056", "75", "FR", "M1811", null, "senior", "on_site", null, "Spotify", "en", true)]
    [InlineData("themuse", "14100002", "unknown", null, null, null, "M1805", null, "mid", "full_remote", null, "Datadog", "en", true)]
    [InlineData("themuse", "14100003", "commune", "75056", "75", "FR", "M1405", null, "entry", "hybrid", null, "Criteo", "en", true)]
    [InlineData("themuse", "14100004", "commune", "69123", "69", "FR", "M1703", null, "management", "on_site", null, "Back Market", "en", true)]
    [InlineData("themuse", "14100005", "commune", "31555", "31", "FR", null, "internship", "internship", "on_site", null, "Airbus", "en", true)]
    [InlineData("themuse", "14100006", "country", null, null, "US", "M1419", null, "mid", "on_site", null, "Acme", "en", true)]
    public async Task SourcePosting_ResolvesPlaceCodesAndLifecycle_ForEachGoldenPosting(
        string source, string id, string level, string? commune, string? departement, string? country, string? rome,
        string? contract, string? experience, string remote, string? workingTime, string? company, string language, bool isActive)
    {
        var row = await golden.RowAsync(
            """
            select source_posting.*, lifecycle.is_active
            from core.source_posting
            join core.source_posting_lifecycle as lifecycle using (source_code, source_posting_id)
            where source_code = @source and source_posting_id = @id
            """, new { source, id });

        Assert.NotNull(row);
        Assert.Equal(level, row["location_level"]);
        Assert.Equal(commune, row["commune_code"]);
        Assert.Equal(departement, row["departement_code"]);
        Assert.Equal(country, row["country_code"]);
        Assert.Equal(rome, row["rome_code"]);
        Assert.Equal(contract, row["contract_code"]);
        Assert.Equal(experience, row["experience_code"]);
        Assert.Equal(remote, row["remote_code"]);
        Assert.Equal(workingTime, row["working_time_code"]);
        Assert.Equal(company, row["company_name"]);
        Assert.Equal(language, row["language"]);
        Assert.Equal(isActive, row["is_active"]);
    }

    [Fact]
    public async Task Posting_MergesCrossSourceDuplicatesIntoOne_WhenEmployerTitleAndPlaceMatchOrAdzunaRelists()
    {
        Assert.Equal(40L, await golden.ScalarAsync<long>("select count(*) from core.source_posting"));
        Assert.Equal(37L, await golden.ScalarAsync<long>("select count(*) from core.posting"));
        var merged = await golden.QueryAsync<string>("""
            select string_agg(source_code || ':' || source_posting_id, ' + ' order by source_code, source_posting_id)
            from core.source_posting group by posting_id having count(*) > 1 order by 1
            """);
        Assert.Equal(
            [
                "adzuna:fr:5000000001 + france_travail:201AAB1",   // Adzuna re-list without employer
                "adzuna:fr:5000000007 + france_travail:201AAA1",   // ACME = ACME SAS, Lyon
                "france_travail:201AAB0 + jsearch:js-datalyse-01==", // DATALYSE = Datalyse SAS, Rennes
            ],
            merged);
        var acme = await golden.RowAsync("""
            select p.* from core.posting p join core.source_posting s on s.posting_id = p.posting_id
            where s.source_posting_id = '201AAA1'
            """);
        Assert.NotNull(acme);
        Assert.Equal("france_travail", acme["primary_source_code"]);
        Assert.Equal("Data Engineer (H/F)", acme["title"]);
        Assert.Equal(2L, acme["count_sources"]);
        Assert.Equal("hybrid", acme["remote_code"]);
        Assert.Equal("job:acme|data engineer|69", acme["fingerprint"]);
        Assert.Equal(0L, await golden.ScalarAsync<long>("select count(*) from (select fingerprint from core.posting group by 1 having count(*) > 1) d"));
    }

    [Fact]
    public async Task Posting_KeepsItsIdAndClosesOnlyWhatDisappeared_WhenASecondFetchLands()
    {
        var now = (await golden.QueryAsync<(string, long, bool)>("select source_posting_id, posting_id, is_active from core.source_posting_lifecycle"))
            .ToDictionary(r => r.Item1, r => (r.Item2, r.Item3));

        foreach (var (id, before) in golden.AfterFirstBuild)
        {
            Assert.Equal(before.PostingId, now[id].Item1);
            Assert.True(before.IsActive, $"{id} was active after the first fetch");
        }
        Assert.Equal(["201AAB4"], now.Keys.Except(golden.AfterFirstBuild.Keys));
        Assert.Equal(["201AAB2", "fr:5000000008"], now.Where(p => !p.Value.Item2).Select(p => p.Key).Order(StringComparer.Ordinal));
        var closed = await golden.RowAsync("select p.first_seen_at, p.last_seen_at, p.closed_at, p.is_active from core.posting p join core.source_posting s using (posting_id) where s.source_posting_id = '201AAB2'");
        Assert.NotNull(closed);
        Assert.Equal(At("2025-11-01T06:00:00Z"), closed["first_seen_at"]);
        Assert.Equal(At("2025-11-01T06:00:00Z"), closed["last_seen_at"]);
        Assert.Equal(At("2025-11-08T06:00:00Z"), closed["closed_at"]);
        Assert.Equal(false, closed["is_active"]);
        var updated = await golden.RowAsync("select salary_raw from core.posting_salary s join core.source_posting p using (posting_id) where p.source_posting_id = '201AAA1'");
        Assert.NotNull(updated);
        Assert.Equal("Annuel de 47000.0 Euros à 55000.0 Euros sur 12.0 mois", updated["salary_raw"]);
    }

    [Theory]
    // source posting, form, raw form, period, min EUR, max EUR, mid EUR, flag, predicted
    [InlineData("201AAA1", "france_travail_text", "Annuel de 47000.0 Euros à 55000.0 Euros sur 12.0 mois", "year", "47000.00", "55000.00", "51000.00", null, false)]
    [InlineData("201AAA2", "france_travail_text", "Mensuel de 3500.0 Euros sur 12.0 mois", "month", "42000.00", "42000.00", "42000.00", null, false)]
    [InlineData("201AAA3", "france_travail_text", "Mensuel de 2800.0 Euros à 3200.0 Euros sur 13.0 mois", "month", "36400.00", "41600.00", "39000.00", null, false)]
    [InlineData("201AAA4", "france_travail_text", "Horaire de 12.50 Euros", "hour", "20087.50", "20087.50", "20087.50", null, false)]
    [InlineData("201AAA5", "france_travail_text", "Annuel de 35.0 Euros", "year", "35.00", "35.00", "35.00", "below_sane_range", false)]
    [InlineData("201AAA6", "france_travail_text", "Mensuel de 45000.0 Euros sur 12.0 mois", "month", "540000.00", "540000.00", "540000.00", "above_sane_range", false)]
    [InlineData("201AAA8", "france_travail_text", "Annuel de 50 000 Euros à 60 000 Euros", "year", "50000.00", "60000.00", "55000.00", null, false)]
    [InlineData("201AAB0", "france_travail_text", "Annuel de 48000.0 Euros à 52000.0 Euros sur 12.0 mois", "year", "48000.00", "52000.00", "50000.00", null, false)]
    [InlineData("201AAB1", "france_travail_text", "Mensuel de 4000.0 Euros à 4500.0 Euros sur 12.0 mois", "month", "48000.00", "54000.00", "51000.00", null, false)]
    [InlineData("201AAB2", "france_travail_text", "Mensuel de 2100.0 Euros sur 12.0 mois", "month", "25200.00", "25200.00", "25200.00", null, false)]
    [InlineData("201AAB3", "france_travail_text", "Annuel de 30000 Euros", "year", "30000.00", "30000.00", "30000.00", null, false)]
    [InlineData("201AAB5", "france_travail_text", "Annuel de 38 000,00 Euros à 42 000,00 Euros", "year", "38000.00", "42000.00", "40000.00", null, false)]
    [InlineData("201AAB6", "france_travail_text", "Mensuel de 1 801,80 Euros sur 12.0 mois", "month", "21621.60", "21621.60", "21621.60", null, false)]
    [InlineData("201AAB7", "france_travail_text", "Mensuel de 1900.0 Euros sur 12.0 mois", "month", "22800.00", "22800.00", "22800.00", null, false)]
    [InlineData("fr:5000000002", "adzuna_yearly_amounts", "min=60000 max=70000 period=year currency=EUR", "year", "60000.00", "70000.00", "65000.00", null, false)]
    [InlineData("fr:5000000004", "adzuna_yearly_amounts", "min=38000 max=42000 period=year currency=EUR predicted", "year", "38000.00", "42000.00", "40000.00", null, true)]
    [InlineData("fr:5000000005", "adzuna_yearly_amounts", "min=45000 period=year currency=EUR", "year", "45000.00", "45000.00", "45000.00", null, false)]
    [InlineData("fr:5000000009", "adzuna_yearly_amounts", "min=18000 max=20000 period=year currency=EUR", "year", "18000.00", "20000.00", "19000.00", null, false)]
    [InlineData("gb:5000000006", "adzuna_yearly_amounts", "min=60000 max=70000 period=year currency=GBP", "year", "70200.00", "81900.00", "76050.00", null, false)]
    [InlineData("js-acmecorp-06==", "jsearch_period_amounts", "min=120000 max=150000 period=YEAR currency=USD", "year", "110400.00", "138000.00", "124200.00", null, false)]
    [InlineData("js-doctolib-07==", "jsearch_period_amounts", "min=400 max=500 period=DAY currency=EUR", "day", "87200.00", "109000.00", "98100.00", null, false)]
    [InlineData("js-mistral-02==", "jsearch_period_amounts", "min=6000 max=7000 period=MONTH currency=EUR", "month", "72000.00", "84000.00", "78000.00", null, false)]
    [InlineData("js-scale-03==", "jsearch_period_amounts", "min=15 max=15 period=HOUR currency=EUR", "hour", "24105.00", "24105.00", "24105.00", null, false)]
    [InlineData("js-ubisoft-08==", "jsearch_period_amounts", "min=1000 max=1000 period=WEEK currency=EUR", "week", "52000.00", "52000.00", "52000.00", null, false)]
    public async Task PostingSalary_AnnualizesInEuroAndFlagsAbsurdValues_ForEverySalaryForm(
        string id, string form, string raw, string period, string? minEur, string? maxEur, string? midEur, string? flag, bool isPredicted)
    {
        var row = await golden.RowAsync("select * from core.posting_salary where source_posting_id = @id", new { id });

        Assert.NotNull(row);
        Assert.Equal(form, row["salary_form"]);
        Assert.Equal(raw, row["salary_raw"]);
        Assert.Equal(period, row["period_code"]);
        Assert.Equal(Money(minEur), row["salary_min_eur"]);
        Assert.Equal(Money(maxEur), row["salary_max_eur"]);
        Assert.Equal(Money(midEur), row["salary_mid_eur"]);
        Assert.Equal(flag, row["salary_flag"]);
        Assert.Equal(flag is not null, row["is_salary_absurd"]);
        Assert.Equal(isPredicted, row["is_salary_predicted"]);
    }

    [Fact]
    public async Task PostingSalary_HasNoRow_WhenTheSourceGivesNoFigure()
    {
        var ids = await golden.QueryAsync<string>("""
            select s.source_posting_id from core.source_posting s
            left join core.posting_salary ps on ps.source_posting_id = s.source_posting_id
            where ps.posting_id is null and s.source_code = 'france_travail' order by 1
            """);
        // 201AAA7 has only "Selon profil"; 201AAA9 and 201AAB4 send no salaire at all
        Assert.Equal(["201AAA7", "201AAA9", "201AAB4"], ids);
    }

    [Theory]
    // the primary source posting of each canonical posting, and every skill found in its title + description
    [InlineData("14100001", "apache_spark,bigquery,data_pipelines,scala")]
    [InlineData("14100002", "kubernetes,python")]
    [InlineData("14100003", "python,recommender_systems,tensorflow")]
    [InlineData("14100004", "agile,sql")]
    [InlineData("14100005", "etl,python")]
    [InlineData("14100006", "sql,tableau")]
    [InlineData("201AAA1", "airflow,data_warehouse,dbt,postgresql,python,sql")]
    [InlineData("201AAA2", "django,docker,fastapi,pytest,python,rest_apis,unit_testing")]
    [InlineData("201AAA3", "analytical_thinking,excel,power_bi,rigour,sql")]
    [InlineData("201AAA4", "customer_focus")]
    [InlineData("201AAA5", "business_intelligence,snowflake,tableau")]
    [InlineData("201AAA6", "azure,cloud_computing,google_cloud")]
    [InlineData("201AAA7", "javascript,node_js,react")]
    [InlineData("201AAA8", "agile,communication,project_management,scrum")]
    [InlineData("201AAA9", "java,kafka,microservices,spring")]
    [InlineData("201AAB0", "machine_learning,python,scikit_learn,statistics,xgboost")]
    [InlineData("201AAB1", "aws,devops,english,gitlab,gitlab_ci,grafana,kubernetes,prometheus,teamwork,terraform")]
    [InlineData("201AAB2", "active_directory,windows_server")]
    [InlineData("201AAB3", "cisco,cybersecurity,linux")]
    [InlineData("201AAB4", "apache_spark,data_pipelines,databricks")]
    [InlineData("201AAB5", "econometrics,sas,statistics")]
    [InlineData("201AAB6", "excel")]
    [InlineData("201AAB7", "python,sql")]
    [InlineData("fr:5000000002", "apache_spark,aws,data_lake,kafka")]
    [InlineData("fr:5000000003", "business_intelligence,power_bi,sql,sql_server")]
    [InlineData("fr:5000000004", "looker,pandas,python")]
    [InlineData("fr:5000000005", "data_governance,data_quality,talend")]
    [InlineData("fr:5000000008", "java,spring")]
    [InlineData("fr:5000000009", "excel")]
    [InlineData("gb:5000000006", "azure,databricks,python,stream_processing")]
    [InlineData("js-acmecorp-06==", "apache_spark,aws,kafka,python")]
    [InlineData("js-bnp-05==", "reporting,sql,tableau")]
    [InlineData("js-doctolib-07==", "bigquery,dbt,looker,sql")]
    [InlineData("js-gitlab-04==", "airflow,dbt,snowflake")]
    [InlineData("js-mistral-02==", "llm,machine_learning,pytorch")]
    [InlineData("js-scale-03==", "computer_vision")]
    [InlineData("js-ubisoft-08==", "clickhouse,kafka")]
    public async Task PostingSkill_FindsDictionarySkillsOnWordBoundaries_ForEachCanonicalPosting(string id, string skills)
    {
        var found = await golden.ScalarAsync<string>($"""
            select coalesce(string_agg(k.skill_code, ',' order by k.skill_code), '')
            from core.source_posting s
            join core.posting_skill ps on ps.posting_id = s.posting_id
            join core.skill k on k.skill_id = ps.skill_id
            where s.source_posting_id = '{id}'
            """);

        Assert.Equal(skills, found);
    }

    [Fact]
    public async Task Staging_ScrubsContactDetailsAndHtml_BeforeCore()
    {
        var france = await golden.ScalarAsync<string>("select description from core.source_posting where source_posting_id = '201AAA1'");
        var muse = await golden.ScalarAsync<string>("select description from core.source_posting where source_posting_id = '14100001'");

        Assert.EndsWith("Contactez [name] au [phone] ou [email].", france);
        Assert.DoesNotContain("Claire", france);
        Assert.DoesNotContain("06 12", france);
        Assert.Equal("About the role\nBuild data pipelines with Scala & Spark\nWork with BigQuery\n\nQuestions: [email]", muse);
        Assert.Equal(0L, await golden.ScalarAsync<long>("select count(*) from core.posting where description ~ '@|<[a-z]'"));
    }

    [Fact]
    public async Task Location_CarriesTheFullHierarchy_ForSeedAndObservedCommunes()
    {
        var oullins = await golden.RowAsync("select * from core.location where commune_code = '69149'");
        var reunion = await golden.RowAsync("select * from core.location where commune_code = '97411'");

        Assert.NotNull(oullins);
        Assert.Equal("Oullins", oullins["commune_name"]);   // not in the seed: named from the offer's label
        Assert.Equal("Rhône", oullins["departement_name"]);
        Assert.Equal("Auvergne-Rhône-Alpes", oullins["region_name"]);
        Assert.Equal("FR", oullins["country_code"]);
        Assert.NotNull(reunion);
        Assert.Equal("974", reunion["departement_code"]);
        Assert.Equal("04", reunion["region_code"]);
        Assert.Equal(1L, await golden.ScalarAsync<long>("select count(*) from core.location where location_id = -1"));
        Assert.Equal(101L, await golden.ScalarAsync<long>("select count(*) from core.location where location_level = 'departement'"));
    }

    [Fact]
    public async Task FctJobPosting_HasOneRowPerPostingAndNoNullKey()
    {
        var row = await golden.RowAsync("""
            select count(*) as postings,
                count(*) filter (where is_active) as active,
                count(*) filter (where has_salary) as with_salary,
                count(*) filter (where location_key = -1) as unknown_place,
                count(*) filter (where occupation_key = -1) as unknown_occupation,
                count(*) filter (where contract_key = -1) as unknown_contract,
                count(*) filter (where experience_key = -1) as unknown_experience,
                count(*) filter (where company_key is null or location_key is null or occupation_key is null or contract_key is null
                    or experience_key is null or source_key is null or remote_key is null or first_seen_date_key is null
                    or closed_date_key is null or departement_key is null or region_key is null) as null_keys
            from marts.fct_job_posting
            """);

        Assert.NotNull(row);
        Assert.Equal(37L, row["postings"]);
        Assert.Equal(35L, row["active"]);
        Assert.Equal(22L, row["with_salary"]);          // 24 salaries minus the two flagged ones
        Assert.Equal(1L, row["unknown_place"]);         // The Muse "Flexible / Remote" only
        Assert.Equal(2L, row["unknown_occupation"]);    // "Data Labeler", "Data Engineering Intern"
        Assert.Equal(6L, row["unknown_contract"]);
        Assert.Equal(12L, row["unknown_experience"]);
        Assert.Equal(0L, row["null_keys"]);
    }

    [Fact]
    public async Task FctMarketDaily_CountsOpenNewAndClosedPerDay()
    {
        var days = await golden.QueryAsync<(int, long, long, long)>("""
            select date_key, sum(count_open)::bigint, sum(count_new)::bigint, sum(count_closed)::bigint
            from marts.fct_market_daily group by date_key order by date_key
            """);

        Assert.Equal(8, days.Count);
        Assert.Equal((20251101, 36L, 36L, 0L), days[0]);
        Assert.Equal((20251107, 36L, 0L, 0L), days[6]);
        Assert.Equal((20251108, 35L, 1L, 2L), days[7]);
    }

    [Fact]
    public async Task Marts_AggregateTheGoldenMarket()
    {
        var benchmark = await golden.RowAsync("""
            select count_postings, salary_p25_eur, salary_median_eur, salary_p75_eur from marts.mart_salary_benchmark
            where rome_code = 'M1811' and region_name = 'Île-de-France' and experience_code = 'unknown'
            """);
        Assert.NotNull(benchmark);
        Assert.Equal(2L, benchmark["count_postings"]);              // Doctolib 98,100 and Ubisoft 52,000
        Assert.Equal(63525.00m, benchmark["salary_p25_eur"]);
        Assert.Equal(75050.00m, benchmark["salary_median_eur"]);
        Assert.Equal(86575.00m, benchmark["salary_p75_eur"]);
        Assert.Equal(21L, await golden.ScalarAsync<long>("select sum(count_postings)::bigint from marts.mart_salary_benchmark"));

        var contracts = await golden.QueryAsync<(string, long)>("select contract_code, sum(count_postings)::bigint from marts.mart_contract_mix group by 1 order by 1");
        Assert.Equal(
            [("apprenticeship", 1L), ("fixed_term", 5L), ("freelance", 2L), ("internship", 2L), ("permanent", 19L), ("seasonal", 1L), ("temporary", 1L), ("unknown", 6L)],
            contracts);

        var remote = await golden.RowAsync("select sum(count_postings)::bigint as total, sum(count_hybrid)::bigint as hybrid, sum(count_full_remote)::bigint as full_remote from marts.mart_remote_share");
        Assert.NotNull(remote);
        Assert.Equal(37L, remote["total"]);
        Assert.Equal(3L, remote["hybrid"]);
        Assert.Equal(3L, remote["full_remote"]);

        var python = await golden.RowAsync("""
            select count_postings_with_skill, count_postings, share_of_postings from marts.mart_skill_demand_monthly
            where skill_name = 'Python' and occupation_label = 'Data engineer' and region_name = 'Unknown'
            """);
        Assert.NotNull(python);
        Assert.Equal(2L, python["count_postings_with_skill"]);      // Monzo (GB) and Acme Corp (US); not GitLab
        Assert.Equal(3L, python["count_postings"]);
        Assert.Equal(0.666667m, python["share_of_postings"]);

        var top = await golden.RowAsync("select company_name, count_postings, count_active_postings, hiring_rank from marts.mart_top_companies where hiring_rank = 1");
        Assert.NotNull(top);
        Assert.Equal("ACME", top["company_name"]);                  // ACME SAS, ACME (Adzuna) and Acme (New York)
        Assert.Equal(2L, top["count_postings"]);

        var weeks = await golden.QueryAsync<(DateTime, decimal, decimal, decimal)>("""
            select week_start_date, sum(count_new), sum(count_closed), sum(count_open_at_week_end)
            from marts.mart_posting_trends_weekly group by 1 order by 1
            """);
        Assert.Equal([(new DateTime(2025, 10, 27), 36m, 0m, 36m), (new DateTime(2025, 11, 3), 1m, 2m, 35m)], weeks);
    }

    private static DateTime At(string utc) => DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture).UtcDateTime;

    private static decimal? Money(string? value) => value is null ? null : decimal.Parse(value, CultureInfo.InvariantCulture);
}
