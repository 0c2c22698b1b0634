using YamlDotNet.RepresentationModel;

namespace JobMarket.Warehouse.Runner.Models.Parsing;

/// <summary>
/// Reads <c>models/</c>: SQL models, seeds, singular tests, the YAML beside them, <c>_sources.yml</c>
/// and the folder defaults of <c>models/models.yml</c>; resolves <c>ref</c>/<c>source</c> into a DAG.
/// Every mistake is a <see cref="ProjectException"/> naming file and line.
/// </summary>
internal static class ProjectLoader
{
    public const string DefaultsFile = "models.yml";

    private static readonly string[] s_modelKeys = ["name", "description", "grain", "config", "columns", "tests", "data_tests", "meta"];
    private static readonly string[] s_seedKeys = ["name", "description", "grain", "config", "columns", "tests", "data_tests", "meta"];
    private static readonly string[] s_columnKeys = ["name", "description", "data_type", "tests", "data_tests", "meta", "quote"];
    private static readonly string[] s_sourceKeys = ["name", "description", "schema", "loaded_at_field", "freshness", "tables", "meta"];
    private static readonly string[] s_tableKeys = ["name", "identifier", "description", "loaded_at_field", "freshness", "columns", "meta"];
    private static readonly string[] s_testArgumentKeys = ["values", "to", "field", "expression", "severity", "where", "config", "name", "quote", "column_name"];

    /// <summary>Loads the project whose <c>models/</c> folder is under <paramref name="home"/>.</summary>
    public static ModelProject Load(string home)
    {
        var models = Path.Combine(home, "models");
        if (!Directory.Exists(models))
        {
            throw new WarehouseException($"no models folder at {models}");
        }
        var defaults = LoadDefaults(home, models);
        var nodes = new Dictionary<string, ModelNode>(StringComparer.Ordinal);
        var sqlFiles = new List<(string Full, string[] Parts)>();
        var yamlFiles = new List<string>();
        foreach (var full in Directory.EnumerateFiles(models, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var parts = Path.GetRelativePath(models, full).Replace('\\', '/').Split('/');
            if (parts[0] is "exports" || parts[^1].StartsWith('.'))
            {
                continue;
            }
            var extension = Path.GetExtension(full).ToLowerInvariant();
            if (extension is ".yml" or ".yaml")
            {
                if (parts.Length > 1 || parts[0] != DefaultsFile)
                {
                    yamlFiles.Add(full);
                }
            }
            else if (extension is ".sql" or ".csv")
            {
                if (parts.Length < 2)
                {
                    throw new ProjectException(Relative(home, full), 0, "a model must sit in a schema folder (models/<schema>/...)");
                }
                sqlFiles.Add((full, parts));
            }
        }
        // Files are read and parsed in parallel (YAML parsing dominates a large project), then
        // applied in file order so errors and results do not depend on timing.
        var parsed = InOrder(sqlFiles, f => Path.GetExtension(f.Full).Equals(".csv", StringComparison.OrdinalIgnoreCase)
            ? Seed(Relative(home, f.Full), f.Full, f.Parts)
            : SqlNode(Relative(home, f.Full), f.Full, f.Parts));
        foreach (var node in parsed.OfType<ModelNode>())
        {
            if (nodes.TryGetValue(node.Name, out var existing))
            {
                throw new ProjectException(node.File, 0, $"the name '{node.Name}' is already used by {existing.File}; names are unique across the project");
            }
            nodes[node.Name] = node;
        }

        var sources = new Dictionary<string, SourceTable>(StringComparer.Ordinal);
        var yamlConfigs = new Dictionary<string, IReadOnlyDictionary<string, object?>>(StringComparer.Ordinal);
        foreach (var yaml in InOrder(yamlFiles, full => YamlFile.Load(Relative(home, full), full)))
        {
            ReadYaml(yaml, nodes, sources, yamlConfigs);
        }

        foreach (var node in nodes.Values)
        {
            ApplyConfig(node, defaults, yamlConfigs.GetValueOrDefault(node.Name));
        }
        var enabled = nodes.Values.Where(n => n.Config.Enabled).ToDictionary(n => n.Name, StringComparer.Ordinal);
        var parents = ResolveParents(enabled, sources);
        return new ModelProject
        {
            Home = home,
            Nodes = enabled,
            Sources = sources,
            Parents = parents,
            Children = Graph.ModelGraph.Children(enabled.Keys, parents),
            Ordered = Graph.ModelGraph.TopologicalOrder(enabled, parents),
        };
    }

    private static List<TResult> InOrder<TSource, TResult>(List<TSource> items, Func<TSource, TResult> parse)
    {
        var results = items.AsParallel().AsOrdered().Select(item =>
        {
            try
            {
                return (Value: parse(item), Error: (ProjectException?)null);
            }
            catch (ProjectException ex)
            {
                return (Value: default(TResult)!, Error: ex);
            }
        }).ToList();
        if (results.FirstOrDefault(r => r.Error is not null).Error is { } error)
        {
            throw error;
        }
        return [.. results.Select(r => r.Value)];
    }

    public static string Relative(string home, string full) => Path.GetRelativePath(home, full).Replace('\\', '/');

    private static ModelNode? Seed(string file, string full, string[] parts)
    {
        if (parts[0] != "seeds")
        {
            return null;
        }
        return new ModelNode
        {
            Name = Path.GetFileNameWithoutExtension(full),
            Kind = NodeKind.Seed,
            Schema = "seeds",
            File = file,
            FullPath = full,
        };
    }

    private static ModelNode SqlNode(string file, string full, string[] parts)
    {
        var name = Path.GetFileNameWithoutExtension(full);
        var sql = File.ReadAllText(full);
        var template = JinjaTemplate.Parse(file, sql);
        var isTest = parts[0] == "tests";
        var node = new ModelNode
        {
            Name = name,
            Kind = isTest ? NodeKind.Test : NodeKind.Model,
            Schema = isTest ? "audit" : parts[0],
            File = file,
            FullPath = full,
            RawSql = sql,
            Template = template,
        };
        if (isTest)
        {
            node.Test = new DataTestSpec { Name = name, Kind = "singular", File = file, Line = 1 };
        }
        foreach (var part in template.Calls)
        {
            switch (part.Call!.Name)
            {
                case "ref":
                    node.Refs.Add(((string)part.Call.Positional[0]!, part.Line));
                    break;
                case "source":
                    node.SourceRefs.Add(((string)part.Call.Positional[0]!, (string)part.Call.Positional[1]!, part.Line));
                    break;
                case "this" when isTest:
                    throw new ProjectException(file, part.Line, "a singular test has no {{ this }}");
            }
        }
        return node;
    }

    private static IReadOnlyDictionary<string, object?> SqlConfig(ModelNode node)
    {
        var merged = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var part in node.Template?.Calls.Where(c => c.Call!.Name == "config") ?? [])
        {
            new ModelConfig().With(part.Call!.Named, detail => throw new ProjectException(node.File, part.Line, detail));
            foreach (var (key, value) in part.Call.Named)
            {
                merged[key] = value;
            }
        }
        return merged;
    }

    private static void ApplyConfig(ModelNode node, FolderDefaults defaults, IReadOnlyDictionary<string, object?>? yaml)
    {
        var config = defaults.For(node);
        if (yaml is not null)
        {
            config = config.With(yaml, detail => throw new ProjectException(node.YamlFile ?? node.File, 0, $"{node.Name}: {detail}"));
        }
        config = config.With(SqlConfig(node), detail => throw new ProjectException(node.File, 0, detail));
        if (node.Kind == NodeKind.Model && config.Materialized == Materialization.Incremental && config.UniqueKey.Count == 0)
        {
            throw new ProjectException(node.File, 0, "an incremental model needs unique_key (one column or a list)");
        }
        node.Config = config;
        if (node.Test is { } test)
        {
            node.Test = test with { Severity = config.Severity };
        }
    }

    private static Dictionary<string, IReadOnlyList<string>> ResolveParents(Dictionary<string, ModelNode> nodes, Dictionary<string, SourceTable> sources)
    {
        var parents = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var node in nodes.Values)
        {
            var list = new List<string>();
            foreach (var (name, line) in node.Refs)
            {
                if (!nodes.ContainsKey(name))
                {
                    throw new ProjectException(node.File, line, $"ref('{name}') names no model or seed{Suggest(name, nodes.Keys)}");
                }
                if (name == node.Name)
                {
                    throw new ProjectException(node.File, line, $"ref('{name}') refers to the model itself; use {{{{ this }}}}");
                }
                if (!list.Contains(name))
                {
                    list.Add(name);
                }
            }
            foreach (var (source, table, line) in node.SourceRefs)
            {
                if (!sources.ContainsKey($"{source}.{table}"))
                {
                    throw new ProjectException(node.File, line, $"source('{source}', '{table}') is not declared in any _sources.yml{Suggest($"{source}.{table}", sources.Keys)}");
                }
            }
            foreach (var test in node.Tests.Where(t => t.Kind == "relationships"))
            {
                if (test.To is { } to && !to.StartsWith("source:", StringComparison.Ordinal) && !nodes.ContainsKey(to))
                {
                    throw new ProjectException(test.File, test.Line, $"relationships: to names no model or seed '{to}'");
                }
                if (test.To is { } source && source.StartsWith("source:", StringComparison.Ordinal) && !sources.ContainsKey(source[7..]))
                {
                    throw new ProjectException(test.File, test.Line, $"relationships: unknown source '{source[7..]}'");
                }
            }
            parents[node.Name] = list;
        }
        return parents;
    }

    private static string Suggest(string name, IEnumerable<string> known)
    {
        var close = known.Where(k => k.Contains(name, StringComparison.OrdinalIgnoreCase) || name.Contains(k, StringComparison.OrdinalIgnoreCase)
            || Distance(k, name) <= Math.Max(2, name.Length / 4)).Take(3).ToList();
        return close.Count == 0 ? "" : $" (did you mean {string.Join(", ", close.Select(c => $"'{c}'"))}?)";
    }

    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
        }
        return d[a.Length, b.Length];
    }

    private static FolderDefaults LoadDefaults(string home, string models)
    {
        var full = Path.Combine(models, DefaultsFile);
        return File.Exists(full) ? FolderDefaults.Read(YamlFile.Load(Relative(home, full), full)) : FolderDefaults.Empty;
    }

    private static void ReadYaml(YamlFile yaml, Dictionary<string, ModelNode> nodes, Dictionary<string, SourceTable> sources,
        Dictionary<string, IReadOnlyDictionary<string, object?>> configs)
    {
        if (yaml.Root is null)
        {
            return;
        }
        var top = yaml.Mapping(yaml.Root, "the file", ["version", "models", "seeds", "sources"]);
        foreach (var (key, kind) in new[] { ("models", NodeKind.Model), ("seeds", NodeKind.Seed) })
        {
            if (!top.TryGetValue(key, out var list))
            {
                continue;
            }
            foreach (var entry in yaml.Sequence(list, key))
            {
                var map = yaml.Mapping(entry, $"a {key[..^1]}", kind == NodeKind.Model ? s_modelKeys : s_seedKeys);
                var name = map.TryGetValue("name", out var n) ? yaml.Scalar(n, "name") : throw yaml.Error(entry, $"a {key[..^1]} needs a name");
                if (!nodes.TryGetValue(name, out var node) || node.Kind != kind)
                {
                    throw yaml.Error(entry, $"{key[..^1]} '{name}' has no {(kind == NodeKind.Seed ? "models/seeds/" + name + ".csv" : name + ".sql")} file");
                }
                if (node.YamlFile is not null)
                {
                    throw yaml.Error(entry, $"'{name}' is already described in {node.YamlFile}");
                }
                node.YamlFile = yaml.File;
                node.Description = YamlFile.Optional(map, "description");
                node.Grain = YamlFile.Optional(map, "grain");
                if (map.TryGetValue("config", out var config))
                {
                    yaml.Mapping(config, "config", ModelConfig.Keys);
                    configs[name] = (IReadOnlyDictionary<string, object?>)YamlFile.Value(config)!;
                    new ModelConfig().With(configs[name], detail => throw yaml.Error(config, detail));
                }
                ReadTests(yaml, map, node, null);
                if (map.TryGetValue("columns", out var columns))
                {
                    foreach (var c in yaml.Sequence(columns, "columns"))
                    {
                        var column = yaml.Mapping(c, "a column", s_columnKeys);
                        var columnName = column.TryGetValue("name", out var cn) ? yaml.Scalar(cn, "name") : throw yaml.Error(c, "a column needs a name");
                        node.Columns.Add(new ColumnSpec(columnName, YamlFile.Optional(column, "description"), YamlFile.Optional(column, "data_type"), YamlFile.Line(c)));
                        ReadTests(yaml, column, node, columnName);
                    }
                }
            }
        }
        if (top.TryGetValue("sources", out var sourceList))
        {
            foreach (var entry in yaml.Sequence(sourceList, "sources"))
            {
                ReadSource(yaml, entry, sources);
            }
        }
    }

    private static void ReadSource(YamlFile yaml, YamlNode entry, Dictionary<string, SourceTable> sources)
    {
        var map = yaml.Mapping(entry, "a source", s_sourceKeys);
        var name = map.TryGetValue("name", out var n) ? yaml.Scalar(n, "name") : throw yaml.Error(entry, "a source needs a name");
        var schema = YamlFile.Optional(map, "schema") ?? "raw";
        var loadedAt = YamlFile.Optional(map, "loaded_at_field");
        var freshness = map.TryGetValue("freshness", out var f) ? ReadFreshness(yaml, f) : null;
        var tables = map.TryGetValue("tables", out var t) ? yaml.Sequence(t, "tables") : throw yaml.Error(entry, $"source '{name}' needs tables");
        foreach (var tableNode in tables)
        {
            var table = yaml.Mapping(tableNode, "a source table", s_tableKeys);
            var tableName = table.TryGetValue("name", out var tn) ? yaml.Scalar(tn, "name") : throw yaml.Error(tableNode, "a source table needs a name");
            var source = new SourceTable(name, tableName, schema, YamlFile.Optional(table, "identifier") ?? tableName,
                YamlFile.Optional(table, "description") ?? YamlFile.Optional(map, "description"),
                YamlFile.Optional(table, "loaded_at_field") ?? loadedAt,
                table.TryGetValue("freshness", out var tf) ? ReadFreshness(yaml, tf) : freshness,
                yaml.File, YamlFile.Line(tableNode));
            if (!sources.TryAdd(source.Key, source))
            {
                throw yaml.Error(tableNode, $"source '{source.Key}' is already declared in {sources[source.Key].File}");
            }
        }
    }

    private static FreshnessRule? ReadFreshness(YamlFile yaml, YamlNode node)
    {
        if (node is YamlScalarNode { Value: null or "" or "null" })
        {
            return null;
        }
        var map = yaml.Mapping(node, "freshness", ["warn_after", "error_after", "filter"]);
        TimeSpan? Read(string key)
        {
            if (!map.TryGetValue(key, out var value))
            {
                return null;
            }
            var after = yaml.Mapping(value, key, ["count", "period"]);
            if (!after.TryGetValue("count", out var c) || !int.TryParse(yaml.Scalar(c, "count"), out var count) || count <= 0)
            {
                throw yaml.Error(value, $"{key} needs a positive count");
            }
            var period = after.TryGetValue("period", out var p) ? yaml.Scalar(p, "period") : "hour";
            return period switch
            {
                "minute" => TimeSpan.FromMinutes(count),
                "hour" => TimeSpan.FromHours(count),
                "day" => TimeSpan.FromDays(count),
                _ => throw yaml.Error(p!, $"period must be minute, hour or day, not '{period}'"),
            };
        }
        return new FreshnessRule(Read("warn_after"), Read("error_after"));
    }

    private static void ReadTests(YamlFile yaml, Dictionary<string, YamlNode> map, ModelNode node, string? column)
    {
        foreach (var key in new[] { "tests", "data_tests" })
        {
            if (!map.TryGetValue(key, out var tests))
            {
                continue;
            }
            foreach (var test in yaml.Sequence(tests, key))
            {
                var spec = ReadTest(yaml, test, node, column);
                var name = spec.Name;
                for (var i = 2; node.Tests.Any(t => t.Name == name); i++)
                {
                    name = $"{spec.Name}_{i}";
                }
                node.Tests.Add(spec with { Name = name });
            }
        }
    }

    private static DataTestSpec ReadTest(YamlFile yaml, YamlNode test, ModelNode node, string? column)
    {
        string kind;
        Dictionary<string, object?> args = new(StringComparer.Ordinal);
        if (test is YamlScalarNode scalar)
        {
            kind = scalar.Value ?? "";
        }
        else if (test is YamlMappingNode { Children.Count: 1 } one)
        {
            var (k, v) = one.Children.First();
            kind = ((YamlScalarNode)k).Value ?? "";
            if (kind == "expression" && v is YamlScalarNode expression)
            {
                args["expression"] = expression.Value;
            }
            else if (v is YamlMappingNode)
            {
                yaml.Mapping(v, $"the {kind} test", s_testArgumentKeys);
                args = (Dictionary<string, object?>)YamlFile.Value(v)!;
            }
            else if (!(v is YamlScalarNode { Value: null or "" }))
            {
                throw yaml.Error(v, $"the arguments of {kind} must be a mapping");
            }
        }
        else
        {
            throw yaml.Error(test, "a test is a name (unique) or a one-key mapping ({accepted_values: {values: [...]}})");
        }
        if (!DataTestSpec.GenericKinds.Contains(kind))
        {
            throw yaml.Error(test, $"unknown test '{kind}' (known: {string.Join(", ", DataTestSpec.GenericKinds)})");
        }
        var severity = args.GetValueOrDefault("severity") as string;
        var where = args.GetValueOrDefault("where") as string;
        if (args.GetValueOrDefault("config") is Dictionary<string, object?> config)
        {
            foreach (var unknown in config.Keys.Except(["severity", "where"]))
            {
                throw yaml.Error(test, $"unknown test config key '{unknown}' (allowed: severity, where)");
            }
            severity = config.GetValueOrDefault("severity") as string ?? severity;
            where = config.GetValueOrDefault("where") as string ?? where;
        }
        severity = severity?.ToLowerInvariant() ?? "error";
        if (severity is not ("warn" or "error"))
        {
            throw yaml.Error(test, $"severity must be warn or error, not '{severity}'");
        }
        column = args.GetValueOrDefault("column_name") as string ?? column;
        var spec = new DataTestSpec
        {
            Name = "",
            Kind = kind,
            Model = node.Name,
            Column = column,
            Severity = severity,
            Where = where,
            File = yaml.File,
            Line = YamlFile.Line(test),
        };
        switch (kind)
        {
            case "unique" or "not_null" or "accepted_values" or "relationships" when column is null:
                throw yaml.Error(test, $"{kind} is a column test: declare it under a column");
            case "accepted_values":
                if (args.GetValueOrDefault("values") is not List<object?> values || values.Count == 0)
                {
                    throw yaml.Error(test, "accepted_values needs values: [...]");
                }
                spec = spec with { Values = values };
                break;
            case "relationships":
                var to = args.GetValueOrDefault("to") as string ?? throw yaml.Error(test, "relationships needs to: ref('model')");
                var field = args.GetValueOrDefault("field") as string ?? column;
                spec = spec with { To = ParseTarget(yaml, test, to), Field = field };
                break;
            case "expression":
                var text = args.GetValueOrDefault("expression") as string ?? throw yaml.Error(test, "expression needs expression: \"<sql boolean>\"");
                spec = spec with { Expression = text };
                break;
        }
        var name = args.GetValueOrDefault("name") as string ?? kind switch
        {
            "relationships" => $"relationships_{node.Name}_{column}__{spec.To!.Replace("source:", "", StringComparison.Ordinal).Replace('.', '_')}",
            "expression" => column is null ? $"expression_{node.Name}" : $"expression_{node.Name}_{column}",
            _ => $"{kind}_{node.Name}_{column}",
        };
        return spec with { Name = name };
    }

    // to: ref('company') | company | source('adzuna', 'pages')
    private static string ParseTarget(YamlFile yaml, YamlNode test, string to)
    {
        if (!to.Contains('(', StringComparison.Ordinal))
        {
            return to.Trim();
        }
        try
        {
            return LiteralParser.ParseValue(to) switch
            {
                JinjaCall { Name: "ref", Positional: [string model] } => model,
                JinjaCall { Name: "source", Positional: [string source, string table] } => $"source:{source}.{table}",
                _ => throw yaml.Error(test, $"relationships to must be ref('model') or source('s', 't'), not {to}"),
            };
        }
        catch (FormatException ex)
        {
            throw yaml.Error(test, $"relationships to: {ex.Message}");
        }
    }
}
