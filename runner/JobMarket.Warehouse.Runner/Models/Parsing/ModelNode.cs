namespace JobMarket.Warehouse.Runner.Models.Parsing;

/// <summary>
/// One node of the project: a model (<c>models/&lt;schema&gt;/**/&lt;name&gt;.sql</c>), a seed
/// (<c>models/seeds/&lt;name&gt;.csv</c>) or a singular test (<c>models/tests/&lt;name&gt;.sql</c>).
/// </summary>
internal sealed class ModelNode
{
    public required string Name { get; init; }
    public required NodeKind Kind { get; init; }
    public required string Schema { get; init; }
    /// <summary>Path relative to the project home, with forward slashes (<c>models/core/posting.sql</c>).</summary>
    public required string File { get; init; }
    public required string FullPath { get; init; }
    public string RawSql { get; init; } = "";
    public JinjaTemplate? Template { get; init; }
    public ModelConfig Config { get; set; } = new();
    public List<(string Name, int Line)> Refs { get; } = [];
    public List<(string Source, string Table, int Line)> SourceRefs { get; } = [];
    public string? Description { get; set; }
    public string? Grain { get; set; }
    public string? YamlFile { get; set; }
    public List<ColumnSpec> Columns { get; } = [];
    /// <summary>Generic tests declared in YAML on this model or seed.</summary>
    public List<DataTestSpec> Tests { get; } = [];
    /// <summary>For a singular test: its definition.</summary>
    public DataTestSpec? Test { get; set; }

    public Relation Relation => new(Schema, Name);
    public string Materialized => Kind switch
    {
        NodeKind.Seed => Materialization.Seed,
        NodeKind.Test => Materialization.Test,
        _ => Config.Materialized ?? Materialization.View,
    };
    public string ResourceType => Kind.ToString().ToLowerInvariant();
}
