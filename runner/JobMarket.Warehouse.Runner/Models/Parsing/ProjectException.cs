namespace JobMarket.Warehouse.Runner.Models.Parsing;

/// <summary>A mistake in the model project, named by file and line (<c>models/core/x.sql:12: ...</c>).</summary>
internal sealed class ProjectException(string file, int line, string detail)
    : WarehouseException(line > 0 ? $"{file}:{line}: {detail}" : $"{file}: {detail}")
{
    public string File { get; } = file;
    public int Line { get; } = line;
    public string Detail { get; } = detail;
}
