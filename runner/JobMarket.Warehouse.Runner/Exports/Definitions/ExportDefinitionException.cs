namespace JobMarket.Warehouse.Runner.Exports.Definitions;

/// <summary>An invalid export definition, located by file, line and field.</summary>
internal sealed class ExportDefinitionException(string file, int line, string field, string problem)
    : WarehouseException($"{file}:{line}: {field}: {problem}")
{
    public string File { get; } = file;
    public int Line { get; } = line;
    public string Field { get; } = field;
}
