using JobMarket.Warehouse.Extract.Http;

namespace JobMarket.Warehouse.Tests.Extract.Http;

public sealed class RequestParamsTests
{
    [Fact]
    public void ToQuery_AppendsSecretsOnlyToTheUrl_WhenJsonAndKeyLeaveThemOut()
    {
        var query = new RequestParams().Add("what", "data engineer").Add("where", null).Add("category", "it-jobs");

        var url = query.ToQuery(new("app_id", "ID-1"), new("app_key", "KEY-2"));

        Assert.Equal("?what=data%20engineer&category=it-jobs&app_id=ID-1&app_key=KEY-2", url);
        Assert.Equal("""{"what":"data engineer","category":"it-jobs"}""", query.ToJson());
        Assert.Equal("category=it-jobs;what=data engineer", query.ToKey("category", "what").Split(';').Order().Aggregate((a, b) => a + ";" + b));
        Assert.DoesNotContain("KEY-2", query.ToJson());
    }
}
