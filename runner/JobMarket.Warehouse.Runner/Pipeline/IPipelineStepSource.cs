namespace JobMarket.Warehouse.Runner.Pipeline;

/// <summary>Where a scheduled job's steps come from: the catalog in the product, test steps in tests.</summary>
internal interface IPipelineStepSource
{
    IReadOnlyList<IPipelineStep> For(string command);
}
