namespace JobMarket.Warehouse.Runner.Models.Testing;

/// <summary>One data test's outcome: <see cref="TestStatus"/>, failing row count, a sample of them as JSON.</summary>
internal sealed record TestResult(
    string Name,
    string? Model,
    string Severity,
    string Status,
    long Failures,
    string? Message,
    string Sql,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt)
{
    public string? SampleJson { get; init; }

    /// <summary>True when the test stops the build: an error-severity test that failed or could not run.</summary>
    public bool Blocks => Severity == "error" && Status is TestStatus.Fail or TestStatus.Error;
}
