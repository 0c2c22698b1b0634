using System.Text.Json.Nodes;
using JobMarket.Warehouse.Runner.Metabase.Content;

namespace JobMarket.Warehouse.Runner.Metabase;

/// <summary>The JSON bodies of cards and dashboards, per Metabase version (reference: metabase-api.md §6–7).</summary>
internal static class MetabasePayloads
{
    public static JsonObject Card(Question question, int databaseId, int collectionId, MetabaseVersion version)
    {
        var tags = new JsonObject();
        var parameters = new JsonArray();
        foreach (var tag in question.TemplateTags)
        {
            var id = TemplateTag.StableId(question.Slug, tag.Name);
            var tagNode = new JsonObject
            {
                ["id"] = id,
                ["name"] = tag.Name,
                ["display-name"] = tag.DisplayName,
                ["type"] = tag.Type,
                ["required"] = tag.Required,
            };
            var parameter = new JsonObject
            {
                ["id"] = id,
                ["type"] = tag.ParameterType,
                ["name"] = tag.DisplayName,
                ["slug"] = tag.Name,
                ["target"] = VariableTarget(tag.Name),
            };
            if (tag.Default is not null)
            {
                tagNode["default"] = tag.Default.DeepClone();
                parameter["default"] = tag.Default.DeepClone();
            }
            tags[tag.Name] = tagNode;
            parameters.Add(parameter);
        }
        var card = new JsonObject
        {
            ["name"] = question.Name,
            // Metabase rejects a blank description; null is the way to say none (pitfall 8).
            ["description"] = question.Description,
            ["display"] = question.Display,
            ["collection_id"] = collectionId,
            ["dataset_query"] = new JsonObject
            {
                ["type"] = "native",
                ["database"] = databaseId,
                ["native"] = new JsonObject
                {
                    ["query"] = NativeQuery.ForMetabase(question.Sql),
                    ["template-tags"] = tags,
                },
            },
            ["parameters"] = parameters,
            ["visualization_settings"] = question.VisualizationSettings.DeepClone(),
        };
        if (version.HasCardType)
        {
            card["type"] = "question";
        }
        else
        {
            card["dataset"] = false;
        }
        return card;
    }

    public static JsonArray DashboardParameters(Dashboard dashboard) =>
        new(dashboard.Filters.Select(f =>
        {
            var parameter = new JsonObject
            {
                ["id"] = f.Slug,
                ["name"] = f.Name,
                ["slug"] = f.Slug,
                ["type"] = f.Type,
                ["sectionId"] = f.SectionId,
            };
            if (f.Default is not null)
            {
                parameter["default"] = f.Default;
            }
            return (JsonNode)parameter;
        }).ToArray());

    /// <summary>
    /// The complete desired set of dashcards (Metabase deletes any left out, pitfall 4). Existing
    /// dashcards showing the same card or text keep their ids; new ones get negative ids.
    /// </summary>
    public static JsonArray Dashcards(Dashboard dashboard, IReadOnlyDictionary<string, int> cardIds, IEnumerable<JsonObject> existing)
    {
        var unused = existing.ToList();
        var result = new JsonArray();
        var next = -1;
        foreach (var card in dashboard.Cards)
        {
            int? cardId = card.QuestionSlug is null ? null : cardIds[card.QuestionSlug];
            var reuse = unused.FirstOrDefault(d => Int(d["card_id"]) == cardId
                && (cardId is not null || d["visualization_settings"]?["text"]?.ToString() == card.Text));
            if (reuse is not null)
            {
                unused.Remove(reuse);
            }
            var dashcard = new JsonObject
            {
                ["id"] = reuse is null ? next-- : Int(reuse["id"]),
                ["card_id"] = cardId,
                ["row"] = card.Row,
                ["col"] = card.Col,
                ["size_x"] = card.SizeX,
                ["size_y"] = card.SizeY,
                ["series"] = new JsonArray(),
                ["parameter_mappings"] = new JsonArray(card.Filters.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => (JsonNode)new JsonObject
                {
                    ["parameter_id"] = f.Key,
                    ["card_id"] = cardId,
                    ["target"] = VariableTarget(f.Value),
                }).ToArray()),
                ["visualization_settings"] = card.Text is null ? new JsonObject() : new JsonObject
                {
                    ["virtual_card"] = new JsonObject
                    {
                        ["name"] = null,
                        ["display"] = "text",
                        ["visualization_settings"] = new JsonObject(),
                        ["dataset_query"] = new JsonObject(),
                        ["archived"] = false,
                    },
                    ["text"] = card.Text,
                },
            };
            result.Add(dashcard);
        }
        return result;
    }

    /// <summary>A dashcard reduced to what the files decide, for comparing desired with current.</summary>
    public static string DashcardKey(JsonObject dashcard)
    {
        var mappings = (dashcard["parameter_mappings"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Select(m => $"{m["parameter_id"]}>{Int(m["card_id"])}>{JsonCompare.Canonical(m["target"])}")
            .Order(StringComparer.Ordinal);
        return string.Join("|",
            Int(dashcard["card_id"]), Int(dashcard["row"]), Int(dashcard["col"]), Int(dashcard["size_x"]), Int(dashcard["size_y"]),
            dashcard["visualization_settings"]?["text"]?.ToString() ?? "", string.Join(",", mappings));
    }

    public static int? Int(JsonNode? node) =>
        node is JsonValue v && int.TryParse(v.ToString(), System.Globalization.CultureInfo.InvariantCulture, out var i) ? i : null;

    private static JsonArray VariableTarget(string tagName) => ["variable", new JsonArray("template-tag", tagName)];
}
