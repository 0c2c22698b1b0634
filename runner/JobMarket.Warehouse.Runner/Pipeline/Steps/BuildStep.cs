using JobMarket.Warehouse.Runner.Models.Execution;

namespace JobMarket.Warehouse.Runner.Pipeline.Steps;

/// <summary>
/// Seeds, models, their data tests and the reco views, in DAG order, through the model engine
/// (recorded under the pipeline's run). Rows = rows written by the nodes. Any failing node fails the step.
/// </summary>
internal sealed class BuildStep(ModelEngine engine) : IPipelineStep
{
    public string Name => "build";

    public async Task<StepResult> RunAsync(PipelineContext context, CancellationToken ct = default)
    {
        var result = await engine.BuildAsync(new BuildRequest { Command = EngineCommand.Build, RunId = context.RunId == 0 ? null : context.RunId }, null, ct);
        if (!result.Succeeded)
        {
            var failed = result.Nodes.Where(n => n.Status is not (NodeStatus.Success or NodeStatus.Warn or NodeStatus.Skipped))
                .Select(n => $"{n.Name}: {n.Message}").FirstOrDefault();
            throw new WarehouseException($"build: {result.Summary}; first failure: {failed}");
        }
        return StepResult.Done(result.Nodes.Sum(n => n.Rows ?? 0), new
        {
            nodes = result.Nodes.Count,
            success = result.Count(NodeStatus.Success),
            warn = result.Count(NodeStatus.Warn),
        });
    }
}
