namespace JobMarket.Warehouse.Runner.Metabase.Content;

/// <summary>A question or dashboard file that cannot be used, located by file, line and field.</summary>
internal sealed class ContentException(string file, int line, string field, string problem)
    : WarehouseException($"{file}:{line}: {field}: {problem}")
{
    public string File { get; } = file;
    public int Line { get; } = line;
    public string Field { get; } = field;
    public string Problem { get; } = problem;
}
