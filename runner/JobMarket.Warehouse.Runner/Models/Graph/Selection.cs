namespace JobMarket.Warehouse.Runner.Models.Graph;

/// <summary>The nodes a selection chose; <see cref="Direct"/> are those a method matched (not pulled in by <c>+</c>).</summary>
internal sealed record Selection(IReadOnlySet<string> Nodes, IReadOnlySet<string> Direct);
