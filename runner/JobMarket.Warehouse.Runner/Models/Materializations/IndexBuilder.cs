using JobMarket.Warehouse.Runner.Models.Parsing;

namespace JobMarket.Warehouse.Runner.Models.Materializations;

/// <summary>Creates <c>config(indexes=[...])</c> on a built relation under temporary names and says what to rename them to.</summary>
internal static class IndexBuilder
{
    public static async Task<List<(string Built, string Final)>> CreateAsync(NodeExecution run, Relation built, CancellationToken ct = default)
    {
        var names = new List<(string, string)>();
        for (var i = 0; i < run.Node.Config.Indexes.Count; i++)
        {
            var index = run.Node.Config.Indexes[i];
            var temp = Truncate($"{built.Name}_i{i + 1}");
            await SqlRunner.ExecuteAsync(run.Connection, run.Transaction, Create(index, temp, built), ct);
            names.Add((temp, FinalName(run.Node.Name, index)));
        }
        return names;
    }

    /// <summary>
    /// Creates the configured indexes an existing relation lacks (an index added to an incremental
    /// model's config after its first build), under their final names.
    /// </summary>
    public static async Task EnsureAsync(NodeExecution run, Relation target, CancellationToken ct = default)
    {
        // Looked up first: CREATE INDEX IF NOT EXISTS locks the table against writers even when the index is there.
        var existing = await RelationCatalog.IndexNamesAsync(run.Connection, run.Transaction, target, ct);
        foreach (var index in run.Node.Config.Indexes.Where(i => !existing.Contains(FinalName(run.Node.Name, i))))
        {
            await SqlRunner.ExecuteAsync(run.Connection, run.Transaction, Create(index, FinalName(run.Node.Name, index), target), ct);
        }
    }

    private static string Create(IndexConfig index, string name, Relation on) =>
        $"create {(index.Unique ? "unique " : "")}index {Relation.Quote(name)} on {on} using {index.Type ?? "btree"} ({string.Join(", ", index.Columns.Select(Relation.Quote))})";

    public static string FinalName(string model, IndexConfig index) =>
        Truncate($"{(index.Unique ? "unique" : "index")}_{model}_on_{string.Join("_", index.Columns)}");

    private static string Truncate(string name) => name.Length <= 63 ? name : name[..63];
}
