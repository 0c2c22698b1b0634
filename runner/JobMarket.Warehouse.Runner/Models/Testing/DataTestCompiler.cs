using System.Globalization;
using JobMarket.Warehouse.Runner.Models.Parsing;

namespace JobMarket.Warehouse.Runner.Models.Testing;

/// <summary>
/// Turns a generic test into SQL returning the failing rows, against a given relation (the
/// published one, or the freshly built one before it is published).
/// </summary>
internal static class DataTestCompiler
{
    public static string Compile(ModelProject project, DataTestSpec test, Relation relation)
    {
        var column = test.Column is null ? "" : Relation.Quote(test.Column);
        string From(string alias) => test.Where is null
            ? $"{relation} as {alias}"
            : $"(select * from {relation} where {test.Where}) as {alias}";
        return test.Kind switch
        {
            "unique" => $"select {column} as unique_field, count(*) as n_records from {From("model")} where {column} is not null group by {column} having count(*) > 1",
            "not_null" => $"select * from {From("model")} where {column} is null",
            "accepted_values" => $"select {column} as value_field, count(*) as n_records from {From("model")} where {column} is not null and {column}::text not in ({string.Join(", ", test.Values.Select(Literal))}) group by {column}",
            "relationships" => $"select child.{column} as from_field from {From("child")} left join {Target(project, test.To!)} as parent on child.{column} = parent.{Relation.Quote(test.Field!)} where child.{column} is not null and parent.{Relation.Quote(test.Field!)} is null",
            "expression" => $"select * from {From("model")} where not coalesce(({test.Expression}), false)",
            _ => throw new InvalidOperationException($"not a generic test: {test.Kind}"),
        };
    }

    private static string Target(ModelProject project, string to) =>
        to.StartsWith("source:", StringComparison.Ordinal) ? project.Sources[to[7..]].Relation.ToString() : project.RelationOf(to).ToString();

    private static string Literal(object? value) => value switch
    {
        null => "null",
        bool b => b ? "'true'" : "'false'",
        IFormattable f => "'" + f.ToString(null, CultureInfo.InvariantCulture) + "'",
        _ => "'" + value.ToString()!.Replace("'", "''", StringComparison.Ordinal) + "'",
    };
}
