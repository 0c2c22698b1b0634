namespace JobMarket.Warehouse.Runner.Models.Materializations;

/// <summary>What a materialization did: rows written (when known), whether it published, and how.</summary>
internal sealed record MaterializeOutcome(long? Rows, bool Published, string Action);
