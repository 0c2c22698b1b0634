namespace JobMarket.Warehouse.Runner.Extraction;

/// <summary>Where one source stands in an extract run.</summary>
internal enum SourceStatus
{
    Pending,
    Running,
    Succeeded,
    Partial,
    Skipped,
    Failed,
    Cancelled,
}
