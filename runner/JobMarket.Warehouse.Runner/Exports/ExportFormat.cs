namespace JobMarket.Warehouse.Runner.Exports;

/// <summary>The file format of an export.</summary>
internal enum ExportFormat
{
    Xlsx,
    Csv,
}
