using Dapper;
using JobMarket.Warehouse.Tests.Infrastructure;
using Npgsql;

namespace JobMarket.Warehouse.Tests.Reco;

public sealed class SkillAffinityTests
{
    [Fact]
    public async Task Build_CountsPairsAndLiftOverActivePostings_WhenSkillsAppearTogether()
    {
        await using var dataSource = NpgsqlDataSource.Create(await PostgresCluster.CreateDatabaseAsync("reco"));
        var warehouse = await RecoWarehouse.CreateAsync(dataSource);
        await warehouse.AddPostingAsync(1, "a", null, skills: ["Python", "Django"]);
        await warehouse.AddPostingAsync(2, "b", null, skills: ["Python", "Django"]);
        await warehouse.AddPostingAsync(3, "c", null, skills: ["Python", "Excel"]);
        await warehouse.AddPostingAsync(4, "d", null, skills: ["Excel"]);
        await warehouse.AddPostingAsync(5, "e", null, isActive: false, skills: ["Django", "Excel"]);

        await warehouse.BuildAsync();

        await using var connection = await dataSource.OpenConnectionAsync();
        var pairs = (await connection.QueryAsync<(string Skill, string Paired, long Together, double Lift, double Pmi)>("""
            select skill_name, paired_skill_name, count_postings_together, lift, pmi
            from reco.reco_skill_affinity order by 1, 2
            """)).ToList();
        Assert.Equal(4, pairs.Count); // Django–Python and Excel–Python, both ways; posting 5 is closed
        var djangoPython = pairs.Single(p => p.Skill == "Django" && p.Paired == "Python");
        Assert.Equal(2, djangoPython.Together);
        Assert.Equal(4.0 * 2 / (2 * 3), djangoPython.Lift, 6); // N=4, n(Django)=2, n(Python)=3
        Assert.Equal(Math.Log(djangoPython.Lift), djangoPython.Pmi, 6);
        var excelPython = pairs.Single(p => p.Skill == "Excel" && p.Paired == "Python");
        Assert.Equal(4.0 * 1 / (2 * 3), excelPython.Lift, 6);
        Assert.Contains(pairs, p => p.Skill == "Python" && p.Paired == "Django" && p.Together == 2);
    }
}
