namespace JobMarket.Warehouse.Runner.Metabase.Content;

/// <summary>Loads and validates <c>metabase/questions/*.sql</c> and <c>metabase/dashboards/*.yml</c>.</summary>
internal static class ContentLoader
{
    public static MetabaseContent Load(string metabaseFolder)
    {
        var questionsFolder = Path.Combine(metabaseFolder, "questions");
        var dashboardsFolder = Path.Combine(metabaseFolder, "dashboards");
        if (!Directory.Exists(questionsFolder))
        {
            throw new WarehouseException($"no questions folder: {questionsFolder}");
        }
        var home = Path.GetDirectoryName(Path.GetFullPath(metabaseFolder).TrimEnd(Path.DirectorySeparatorChar)) ?? "";
        string Display(string path) => Path.GetRelativePath(home, path);

        var questions = new Dictionary<string, Question>(StringComparer.Ordinal);
        foreach (var path in Directory.GetFiles(questionsFolder, "*.sql").Order(StringComparer.Ordinal))
        {
            var question = QuestionParser.Parse(Display(path), File.ReadAllText(path));
            if (questions.Values.FirstOrDefault(q => q.Name == question.Name) is { } twin)
            {
                // Provisioning matches cards by name, so two questions with one name would fight.
                throw new ContentException(question.File, 1, "name", $"'{question.Name}' is also the name of {twin.File}");
            }
            questions.Add(question.Slug, question);
        }

        var dashboards = new List<Dashboard>();
        if (Directory.Exists(dashboardsFolder))
        {
            foreach (var path in Directory.GetFiles(dashboardsFolder, "*.yml").Order(StringComparer.Ordinal))
            {
                var dashboard = DashboardParser.Parse(Display(path), File.ReadAllText(path), questions);
                if (dashboards.FirstOrDefault(d => d.Name == dashboard.Name) is { } twin)
                {
                    throw new ContentException(dashboard.File, 1, "name", $"'{dashboard.Name}' is also the name of {twin.File}");
                }
                dashboards.Add(dashboard);
            }
        }
        return new MetabaseContent(questions.Values.ToList(), dashboards);
    }
}
