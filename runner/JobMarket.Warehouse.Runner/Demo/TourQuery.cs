namespace JobMarket.Warehouse.Runner.Demo;

/// <summary>
/// One section of the demo's tour: a query over the built warehouse and how to print each row.
/// When a relation or column it reads is not built (its model has not landed), the section says
/// "not available yet" instead of printing anything made up.
/// </summary>
internal sealed record TourQuery(string Title, string Sql, Func<IDictionary<string, object?>, string> Line);
