namespace JobMarket.Warehouse.Runner.Metabase.Content;

/// <summary>
/// One card on the 24-column grid: a question (by file name) or a Markdown text card, with the
/// dashboard filters it listens to (filter slug → the question's template tag).
/// </summary>
internal sealed record DashboardCard(
    string? QuestionSlug,
    string? Text,
    int Row,
    int Col,
    int SizeX,
    int SizeY,
    IReadOnlyDictionary<string, string> Filters,
    int Line);
