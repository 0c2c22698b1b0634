namespace JobMarket.Warehouse.Runner.Models.Execution;

/// <summary>
/// A request to <see cref="ModelEngine.BuildAsync"/>. <see cref="Select"/>/<see cref="Exclude"/> take the
/// CLI's selector syntax (<c>name</c>, <c>+name</c>, <c>name+</c>, <c>tag:x</c>, <c>path:models/marts</c>);
/// empty selects everything. <see cref="RunId"/>: an <c>audit.run</c> the caller already started (the
/// refresh pipeline); null starts and finishes one.
/// </summary>
internal sealed record BuildRequest
{
    public EngineCommand Command { get; init; } = EngineCommand.Build;
    public IReadOnlyList<string> Select { get; init; } = [];
    public IReadOnlyList<string> Exclude { get; init; } = [];
    public bool FullRefresh { get; init; }
    public int Threads { get; init; } = 4;
    public long? RunId { get; init; }
}
