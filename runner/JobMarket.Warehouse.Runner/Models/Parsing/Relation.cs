namespace JobMarket.Warehouse.Runner.Models.Parsing;

/// <summary>A schema-qualified relation; <see cref="ToString"/> quotes only when PostgreSQL needs it.</summary>
internal sealed record Relation(string Schema, string Name)
{
    public override string ToString() => $"{Quote(Schema)}.{Quote(Name)}";

    public Relation WithName(string name) => this with { Name = name };

    public static string Quote(string identifier) =>
        identifier.Length > 0 && (char.IsAsciiLetterLower(identifier[0]) || identifier[0] == '_')
            && identifier.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_')
            && !s_reserved.Contains(identifier)
            ? identifier
            : "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static readonly HashSet<string> s_reserved =
        ["all", "and", "any", "as", "asc", "case", "check", "column", "constraint", "create", "default", "desc", "distinct", "do", "else", "end", "false", "for", "foreign", "from", "grant", "group", "having", "in", "into", "limit", "not", "null", "offset", "on", "or", "order", "primary", "references", "select", "table", "then", "to", "true", "union", "unique", "user", "using", "when", "where", "with"];
}
