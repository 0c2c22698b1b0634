using JobMarket.Warehouse.Runner.Configuration;
using JobMarket.Warehouse.Runner.Exports.Writing;
using Microsoft.Extensions.Configuration;

namespace JobMarket.Warehouse.Runner.Exports;

/// <summary>Where definitions are read and workbooks written, and the per-sheet row limit.</summary>
internal sealed class ExportOptions
{
    public string DefinitionsFolder { get; set; } = "";
    public string OutputFolder { get; set; } = "";

    /// <summary>Rows per sheet, header included; Excel's own limit unless a test wants a small one.</summary>
    public int MaxRowsPerSheet { get; set; } = XlsxWorkbookWriter.ExcelMaxRows;

    /// <summary>Rows read ahead to size the columns before the sheet is written.</summary>
    public int WidthSampleRows { get; set; } = 200;

    /// <summary>The <c>Exports</c> configuration section over the project's defaults, validated.</summary>
    public static ExportOptions From(IConfiguration configuration, ProjectPaths paths)
    {
        var options = new ExportOptions
        {
            DefinitionsFolder = Path.Combine(paths.Models, "exports"),
            OutputFolder = Path.Combine(paths.Target, "exports"),
        };
        configuration.GetSection("Exports").Bind(options);
        options.Validate();
        return options;
    }

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(DefinitionsFolder) || string.IsNullOrWhiteSpace(OutputFolder))
        {
            throw new WarehouseException("Exports: DefinitionsFolder and OutputFolder are required");
        }
        if (MaxRowsPerSheet is < 2 or > XlsxWorkbookWriter.ExcelMaxRows)
        {
            throw new WarehouseException($"Exports:MaxRowsPerSheet must be between 2 and {XlsxWorkbookWriter.ExcelMaxRows}, got {MaxRowsPerSheet}");
        }
        if (WidthSampleRows < 0)
        {
            throw new WarehouseException($"Exports:WidthSampleRows must be 0 or more, got {WidthSampleRows}");
        }
    }
}
