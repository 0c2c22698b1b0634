namespace JobMarket.Warehouse.Runner.Models.Parsing;

/// <summary>One entry of <c>config(indexes=[{'columns': ['a'], 'unique': true, 'type': 'gin'}])</c>.</summary>
internal sealed record IndexConfig(IReadOnlyList<string> Columns, bool Unique, string? Type)
{
    public string Describe() => $"{(Unique ? "unique " : "")}{Type ?? "btree"}({string.Join(",", Columns)})";
}
