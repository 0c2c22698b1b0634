using System.Text.RegularExpressions;
using NCrontab;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace JobMarket.Warehouse.Runner.Exports.Definitions;

/// <summary>
/// Reads <c>models/exports/*.yml</c>. Every problem is an <see cref="ExportDefinitionException"/>
/// naming the file, the line and the field, so a typo never surfaces as a half-written workbook.
/// </summary>
internal static partial class ExportDefinitionLoader
{
    private static readonly string[] s_rootKeys = ["name", "title", "description", "parameters", "schedule", "sheets"];
    private static readonly string[] s_parameterKeys = ["type", "required", "default", "description"];
    private static readonly string[] s_scheduleKeys = ["cron", "time_zone"];
    private static readonly string[] s_sheetKeys = ["name", "description", "sql", "model", "where", "order_by", "columns"];
    private static readonly string[] s_columnKeys = ["name", "title", "format", "width"];

    /// <summary>Every definition in <paramref name="folder"/> (sorted by file name); names must be unique.</summary>
    public static IReadOnlyList<ExportDefinition> LoadFolder(string folder, string? displayRoot = null)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }
        var definitions = new List<ExportDefinition>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.yml").Order(StringComparer.Ordinal))
        {
            var definition = LoadFile(file, displayRoot);
            if (definitions.FirstOrDefault(d => d.Name == definition.Name) is { } other)
            {
                throw new ExportDefinitionException(definition.File, 1, "name", $"'{definition.Name}' is also defined in {other.File}");
            }
            definitions.Add(definition);
        }
        return definitions;
    }

    public static ExportDefinition LoadFile(string path, string? displayRoot = null)
    {
        var display = displayRoot is null ? path : Path.GetRelativePath(displayRoot, path);
        var stream = new YamlStream();
        try
        {
            using var reader = new StringReader(File.ReadAllText(path));
            stream.Load(reader);
        }
        catch (YamlException ex)
        {
            throw new ExportDefinitionException(display, (int)ex.Start.Line, "yaml", ex.InnerException?.Message ?? ex.Message);
        }
        if (stream.Documents.Count != 1)
        {
            throw new ExportDefinitionException(display, 1, "yaml", $"expected one YAML document, found {stream.Documents.Count}");
        }
        return new Parser(display, Path.GetFileNameWithoutExtension(path)).Definition(stream.Documents[0].RootNode);
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex IdentifierPattern();

    [GeneratedRegex(@"^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$")]
    private static partial Regex ModelPattern();

    // '...' literals, "..." identifiers and -- comments are not parameter references.
    [GeneratedRegex(@"'(?:[^']|'')*'|""(?:[^""]|"""")*""|--[^\n]*")]
    private static partial Regex QuotedOrCommentPattern();

    [GeneratedRegex(@"(?<![@\w])@([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex ParameterReferencePattern();

    /// <summary>The <c>@name</c> parameters a statement references, outside literals and comments.</summary>
    public static IReadOnlySet<string> ReferencedParameters(string sql) =>
        ParameterReferencePattern().Matches(QuotedOrCommentPattern().Replace(sql, " "))
            .Select(m => m.Groups[1].Value)
            .ToHashSet(StringComparer.Ordinal);

    private sealed class Parser(string file, string fileStem)
    {
        public ExportDefinition Definition(YamlNode rootNode)
        {
            var root = Mapping(rootNode, "(document)");
            OnlyKeys(root, "", s_rootKeys);
            var name = Scalar(root, "name", "name", required: false) ?? fileStem;
            if (!IdentifierPattern().IsMatch(name))
            {
                throw Error(Node(root, "name") ?? root, "name", $"'{name}' is not a valid export name (lowercase letters, digits, _)");
            }
            if (name != fileStem)
            {
                throw Error(Node(root, "name")!, "name", $"'{name}' must match the file name '{fileStem}'");
            }
            var title = Scalar(root, "title", "title", required: true)!;
            var description = Scalar(root, "description", "description", required: false) ?? "";
            var parameters = Parameters(Node(root, "parameters"));
            var schedule = Schedule(Node(root, "schedule"));
            var sheets = Sheets(Node(root, "sheets") ?? throw Error(root, "sheets", "is required"), parameters);
            return new ExportDefinition(name, title, description, file, parameters, sheets, schedule);
        }

        private List<ExportParameter> Parameters(YamlNode? node)
        {
            var parameters = new List<ExportParameter>();
            if (node is null)
            {
                return parameters;
            }
            foreach (var (keyNode, valueNode) in Mapping(node, "parameters").Children)
            {
                var name = ((YamlScalarNode)keyNode).Value ?? "";
                var field = $"parameters.{name}";
                if (!IdentifierPattern().IsMatch(name))
                {
                    throw Error(keyNode, field, "a parameter name is lowercase letters, digits and _");
                }
                var spec = Mapping(valueNode, field);
                OnlyKeys(spec, field + ".", s_parameterKeys);
                var typeText = Scalar(spec, "type", field + ".type", required: false) ?? "text";
                if (!Enum.TryParse<ExportParameterType>(typeText, ignoreCase: true, out var type) || typeText.Any(char.IsUpper))
                {
                    throw Error(Node(spec, "type")!, field + ".type", $"'{typeText}' is not one of text, integer, decimal, date, boolean");
                }
                var required = Boolean(spec, "required", field + ".required") ?? false;
                var defaultValue = Scalar(spec, "default", field + ".default", required: false);
                var parameter = new ExportParameter(name, type, required, defaultValue, Scalar(spec, "description", field + ".description", false), (int)keyNode.Start.Line);
                if (defaultValue is not null)
                {
                    try
                    {
                        ExportParameterValues.Parse(parameter, defaultValue, DateOnly.FromDateTime(DateTime.UtcNow));
                    }
                    catch (FormatException ex)
                    {
                        throw Error(Node(spec, "default")!, field + ".default", ex.Message);
                    }
                }
                parameters.Add(parameter);
            }
            return parameters;
        }

        private ExportSchedule? Schedule(YamlNode? node)
        {
            if (node is null)
            {
                return null;
            }
            var map = Mapping(node, "schedule");
            OnlyKeys(map, "schedule.", s_scheduleKeys);
            var cron = Scalar(map, "cron", "schedule.cron", required: true)!;
            if (CrontabSchedule.TryParse(cron) is null)
            {
                throw Error(Node(map, "cron")!, "schedule.cron", $"'{cron}' is not a 5-field cron expression (minute hour day month weekday)");
            }
            var timeZone = Scalar(map, "time_zone", "schedule.time_zone", required: false) ?? "UTC";
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
            {
                throw Error(Node(map, "time_zone")!, "schedule.time_zone", $"'{timeZone}' is not a known time zone (use an IANA id such as Europe/Paris)");
            }
            return new ExportSchedule(cron, timeZone);
        }

        private List<ExportSheet> Sheets(YamlNode node, List<ExportParameter> parameters)
        {
            if (node is not YamlSequenceNode sequence || sequence.Children.Count == 0)
            {
                throw Error(node, "sheets", "expected a non-empty list of sheets");
            }
            var sheets = new List<ExportSheet>();
            for (var i = 0; i < sequence.Children.Count; i++)
            {
                var prefix = $"sheets[{i}]";
                var map = Mapping(sequence.Children[i], prefix);
                var name = Scalar(map, "name", prefix + ".name", required: true)!;
                prefix = $"sheets[{name}]";
                OnlyKeys(map, prefix + ".", s_sheetKeys);
                if (sheets.Any(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase)))
                {
                    throw Error(Node(map, "name")!, prefix + ".name", "is used by another sheet of this export");
                }
                var columns = Columns(Node(map, "columns"), prefix);
                var sql = Scalar(map, "sql", prefix + ".sql", required: false);
                var model = Scalar(map, "model", prefix + ".model", required: false);
                var where = Scalar(map, "where", prefix + ".where", required: false);
                var orderBy = Scalar(map, "order_by", prefix + ".order_by", required: false);
                if ((sql is null) == (model is null))
                {
                    throw Error(map, prefix, "needs exactly one of 'sql' or 'model'");
                }
                if (sql is not null && (where ?? orderBy) is not null)
                {
                    throw Error(Node(map, where is not null ? "where" : "order_by")!, prefix, "'where' and 'order_by' go with 'model'; put them in the sql");
                }
                if (model is not null)
                {
                    if (!ModelPattern().IsMatch(model))
                    {
                        throw Error(Node(map, "model")!, prefix + ".model", $"'{model}' is not a model name (name, or schema.name; marts is the default schema)");
                    }
                    sql = ModelSql(model, columns, where, orderBy);
                }
                var sqlNode = Node(map, "sql") ?? Node(map, "where") ?? Node(map, "model")!;
                foreach (var referenced in ReferencedParameters(sql!))
                {
                    if (!parameters.Any(p => p.Name == referenced))
                    {
                        throw Error(sqlNode, prefix + (Node(map, "sql") is null ? ".where" : ".sql"),
                            $"references @{referenced}, which is not declared under 'parameters'");
                    }
                }
                sheets.Add(new ExportSheet(name, sql!.Trim(), columns, (int)map.Start.Line));
            }
            return sheets;
        }

        private static string ModelSql(string model, List<ExportColumn> columns, string? where, string? orderBy)
        {
            var relation = string.Join('.', (model.Contains('.') ? model : "marts." + model).Split('.').Select(Quote));
            var select = columns.Count == 0 ? "*" : string.Join(", ", columns.Select(c => Quote(c.Name)));
            var sql = $"select {select} from {relation}";
            if (where is not null)
            {
                sql += $"\nwhere {where}";
            }
            if (orderBy is not null)
            {
                sql += $"\norder by {orderBy}";
            }
            return sql;
        }

        private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

        private List<ExportColumn> Columns(YamlNode? node, string sheetField)
        {
            var columns = new List<ExportColumn>();
            if (node is null)
            {
                return columns;
            }
            if (node is not YamlSequenceNode sequence)
            {
                throw Error(node, sheetField + ".columns", "expected a list of columns");
            }
            foreach (var item in sequence.Children)
            {
                var map = Mapping(item, sheetField + ".columns[]");
                var name = Scalar(map, "name", sheetField + ".columns[].name", required: true)!;
                var field = $"{sheetField}.columns[{name}]";
                OnlyKeys(map, field + ".", s_columnKeys);
                if (columns.Any(c => c.Name == name))
                {
                    throw Error(map, field, "is listed twice");
                }
                var formatText = Scalar(map, "format", field + ".format", required: false);
                var format = ColumnFormat.Auto;
                if (formatText is not null && !TryParseFormat(formatText, out format))
                {
                    throw Error(Node(map, "format")!, field + ".format",
                        $"'{formatText}' is not one of text, integer, thousands, decimal, eur, eur_cents, percent, date, datetime, boolean");
                }
                double? width = null;
                if (Scalar(map, "width", field + ".width", required: false) is { } widthText)
                {
                    if (!double.TryParse(widthText, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var w) || w is < 1 or > 255)
                    {
                        throw Error(Node(map, "width")!, field + ".width", $"'{widthText}' is not a width between 1 and 255 characters");
                    }
                    width = w;
                }
                columns.Add(new ExportColumn(name, Scalar(map, "title", field + ".title", required: false), format, width, (int)map.Start.Line));
            }
            return columns;
        }

        private static bool TryParseFormat(string text, out ColumnFormat format)
        {
            format = text switch
            {
                "text" => ColumnFormat.Text,
                "integer" => ColumnFormat.Integer,
                "thousands" => ColumnFormat.Thousands,
                "decimal" => ColumnFormat.Decimal,
                "eur" => ColumnFormat.Eur,
                "eur_cents" => ColumnFormat.EurCents,
                "percent" => ColumnFormat.Percent,
                "date" => ColumnFormat.Date,
                "datetime" => ColumnFormat.DateTime,
                "boolean" => ColumnFormat.Boolean,
                _ => ColumnFormat.Auto,
            };
            return format != ColumnFormat.Auto;
        }

        private YamlMappingNode Mapping(YamlNode node, string field) =>
            node as YamlMappingNode ?? throw Error(node, field, "expected a mapping (key: value)");

        private void OnlyKeys(YamlMappingNode map, string prefix, string[] allowed)
        {
            foreach (var key in map.Children.Keys)
            {
                var name = (key as YamlScalarNode)?.Value ?? "";
                if (!allowed.Contains(name))
                {
                    throw Error(key, prefix + name, $"unknown field; expected one of {string.Join(", ", allowed)}");
                }
            }
        }

        private static YamlNode? Node(YamlMappingNode map, string key) =>
            map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

        private string? Scalar(YamlMappingNode map, string key, string field, bool required)
        {
            var node = Node(map, key);
            if (node is null || node is YamlScalarNode { Value: null or "" or "~" or "null", Style: ScalarStyle.Plain })
            {
                return required ? throw Error(node ?? map, field, "is required") : null;
            }
            return node is YamlScalarNode scalar
                ? scalar.Value
                : throw Error(node, field, "expected a single value");
        }

        private bool? Boolean(YamlMappingNode map, string key, string field) =>
            Scalar(map, key, field, required: false) switch
            {
                null => null,
                "true" => true,
                "false" => false,
                var other => throw Error(Node(map, key)!, field, $"'{other}' is not true or false"),
            };

        private ExportDefinitionException Error(YamlNode node, string field, string problem) =>
            new(file, (int)node.Start.Line, field, problem);
    }
}
