namespace JobMarket.Warehouse.Runner.Exports;

/// <summary>
/// What to export: definition names (none = all), <c>--param</c> values as text, the format, and
/// an output folder (default <c>target/exports</c>).
/// </summary>
internal sealed record ExportRequest(
    IReadOnlyList<string> Names,
    IReadOnlyDictionary<string, string>? Parameters = null,
    ExportFormat Format = ExportFormat.Xlsx,
    string? OutputFolder = null);
