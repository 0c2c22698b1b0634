namespace JobMarket.Warehouse.Runner.Pipeline;

/// <summary>What a step knows about the run it belongs to.</summary>
internal sealed record PipelineContext(long RunId, PipelineRequest Request);
