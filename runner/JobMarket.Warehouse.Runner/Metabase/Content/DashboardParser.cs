using YamlDotNet.RepresentationModel;

namespace JobMarket.Warehouse.Runner.Metabase.Content;

/// <summary>
/// Parses a dashboard file and checks it against the questions: every card on the 24-column grid
/// without overlaps, every filter wired to a variable the question declares.
/// </summary>
internal static class DashboardParser
{
    private static readonly string[] s_fields = ["name", "description", "filters", "cards"];
    private static readonly string[] s_filterFields = ["slug", "name", "type", "default"];
    private static readonly string[] s_cardFields = ["question", "text", "row", "col", "size_x", "size_y", "filters"];

    public static Dashboard Parse(string file, string text, IReadOnlyDictionary<string, Question> questions)
    {
        var yaml = new YamlFields(file);
        var root = YamlFields.LoadMapping(file, text);
        yaml.OnlyKeys(root, "", s_fields);
        var name = yaml.RequiredString(root, "name", "");
        var description = yaml.OptionalString(root, "description", "");
        var filters = ParseFilters(yaml, root);
        var cardsNode = yaml.OptionalSequence(root, "cards", "") is { Children.Count: > 0 } list
            ? list
            : throw yaml.Error(yaml.Find(root, "cards") ?? root, "cards", "a dashboard needs at least one card");

        var cards = new List<DashboardCard>();
        for (var i = 0; i < cardsNode.Children.Count; i++)
        {
            var card = ParseCard(yaml, cardsNode.Children[i], $"cards[{i}]", filters, questions);
            if (cards.FirstOrDefault(c => Overlaps(c, card)) is { } other)
            {
                throw new ContentException(file, card.Line, $"cards[{i}]",
                    $"overlaps the card at line {other.Line} (row {other.Row}, col {other.Col}, {other.SizeX}×{other.SizeY})");
            }
            cards.Add(card);
        }
        return new Dashboard(Path.GetFileNameWithoutExtension(file), file, name, description, filters, cards);
    }

    private static List<DashboardFilter> ParseFilters(YamlFields yaml, YamlMappingNode root)
    {
        var filters = new List<DashboardFilter>();
        var node = yaml.OptionalSequence(root, "filters", "");
        for (var i = 0; node is not null && i < node.Children.Count; i++)
        {
            var path = $"filters[{i}]";
            var filter = yaml.AsMapping(node.Children[i], path);
            yaml.OnlyKeys(filter, path, s_filterFields);
            var slug = yaml.RequiredString(filter, "slug", path);
            if (filters.Any(f => f.Slug == slug))
            {
                throw yaml.Error(filter, $"{path}.slug", $"'{slug}' is already used by another filter");
            }
            var type = yaml.RequiredString(filter, "type", path);
            if (!DashboardFilter.Types.Contains(type, StringComparer.Ordinal))
            {
                throw yaml.Error(yaml.Find(filter, "type")!, $"{path}.type", $"unknown type '{type}'; expected one of {string.Join(", ", DashboardFilter.Types)}");
            }
            filters.Add(new DashboardFilter(slug, yaml.RequiredString(filter, "name", path), type, yaml.OptionalString(filter, "default", path)));
        }
        return filters;
    }

    private static DashboardCard ParseCard(
        YamlFields yaml, YamlNode node, string path, List<DashboardFilter> filters, IReadOnlyDictionary<string, Question> questions)
    {
        var card = yaml.AsMapping(node, path);
        yaml.OnlyKeys(card, path, s_cardFields);
        var questionSlug = yaml.OptionalString(card, "question", path);
        var text = yaml.OptionalString(card, "text", path);
        if ((questionSlug is null) == (text is null))
        {
            throw yaml.Error(card, path, "a card has either question: <file name> or text: <markdown>, not both or neither");
        }
        Question? question = null;
        if (questionSlug is not null && !questions.TryGetValue(questionSlug, out question))
        {
            throw yaml.Error(yaml.Find(card, "question")!, $"{path}.question",
                $"no question file metabase/questions/{questionSlug}.sql");
        }
        var col = yaml.RequiredInt(card, "col", path, 0, Dashboard.GridColumns - 1);
        var sizeX = yaml.RequiredInt(card, "size_x", path, 1, Dashboard.GridColumns);
        if (col + sizeX > Dashboard.GridColumns)
        {
            throw yaml.Error(yaml.Find(card, "size_x")!, $"{path}.size_x",
                $"col {col} + size_x {sizeX} passes the grid's {Dashboard.GridColumns} columns");
        }
        var row = yaml.RequiredInt(card, "row", path, 0, 1000);
        var sizeY = yaml.RequiredInt(card, "size_y", path, 1, 100);

        var wiring = new Dictionary<string, string>(StringComparer.Ordinal);
        if (yaml.OptionalMapping(card, "filters", path) is { } filtersNode)
        {
            if (question is null)
            {
                throw yaml.Error(filtersNode, $"{path}.filters", "a text card cannot listen to filters");
            }
            foreach (var (key, value) in filtersNode.Children)
            {
                var slug = YamlFields.KeyOf(key);
                var tagName = (value as YamlScalarNode)?.Value ?? "";
                if (filters.All(f => f.Slug != slug))
                {
                    throw yaml.Error(key, $"{path}.filters.{slug}", "no dashboard filter has this slug");
                }
                if (question.Tag(tagName) is null)
                {
                    throw yaml.Error(value, $"{path}.filters.{slug}",
                        $"question {question.Slug} has no template tag '{tagName}' (it has: {string.Join(", ", question.TemplateTags.Select(t => t.Name))})");
                }
                wiring[slug] = tagName;
            }
        }
        return new DashboardCard(questionSlug, text, row, col, sizeX, sizeY, wiring, yaml.Line(card));
    }

    private static bool Overlaps(DashboardCard a, DashboardCard b) =>
        a.Col < b.Col + b.SizeX && b.Col < a.Col + a.SizeX && a.Row < b.Row + b.SizeY && b.Row < a.Row + a.SizeY;
}
