namespace JobMarket.Warehouse.Runner.Models.Execution;

/// <summary>Where the project lives and how swaps behave; validated when the engine starts.</summary>
internal sealed class ModelEngineOptions
{
    /// <summary>The folder holding <c>models/</c>.</summary>
    public required string ProjectHome { get; init; }

    /// <summary>Where <c>run_results.json</c> and the docs site go.</summary>
    public required string TargetPath { get; init; }

    /// <summary><c>lock_timeout</c> for the swap statements; a timeout retries the swap.</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public int SwapAttempts { get; init; } = 6;

    /// <summary>The read-only role granted SELECT on every relation built in these schemas.</summary>
    public string ReaderRole { get; init; } = "jobmarket_reader";

    public IReadOnlyList<string> ReaderSchemas { get; init; } = ["marts", "reco"];

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(ProjectHome) || string.IsNullOrWhiteSpace(TargetPath))
        {
            throw new WarehouseException("model engine: ProjectHome and TargetPath are required");
        }
        if (LockTimeout <= TimeSpan.Zero || SwapAttempts < 1)
        {
            throw new WarehouseException($"model engine: LockTimeout must be positive and SwapAttempts at least 1 (got {LockTimeout}, {SwapAttempts})");
        }
    }
}
