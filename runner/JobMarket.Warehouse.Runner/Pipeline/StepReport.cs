namespace JobMarket.Warehouse.Runner.Pipeline;

/// <summary>A step's progress as the runner reports it to the caller (progress display, tests).</summary>
internal sealed record StepReport(int Index, int Count, string Step, string Status, long? Rows = null, TimeSpan? Duration = null, string? Message = null);
