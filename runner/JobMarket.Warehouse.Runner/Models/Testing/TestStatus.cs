namespace JobMarket.Warehouse.Runner.Models.Testing;

/// <summary>Outcomes of one data test, as stored in <c>audit.test_result.status</c>.</summary>
internal static class TestStatus
{
    public const string Pass = "pass";
    public const string Warn = "warn";
    public const string Fail = "fail";
    public const string Error = "error";
}
