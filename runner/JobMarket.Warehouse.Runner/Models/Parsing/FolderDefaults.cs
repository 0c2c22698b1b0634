namespace JobMarket.Warehouse.Runner.Models.Parsing;

/// <summary>
/// <c>models/models.yml</c>: configuration per folder (<c>folders: {staging: {materialized: view}}</c>);
/// nested paths such as <c>staging/adzuna</c> refine their parent folder.
/// </summary>
internal sealed class FolderDefaults
{
    public static readonly FolderDefaults Empty = new([]);

    private readonly List<(string Folder, IReadOnlyDictionary<string, object?> Values)> _folders;

    private FolderDefaults(List<(string, IReadOnlyDictionary<string, object?>)> folders) => _folders = folders;

    public static FolderDefaults Read(YamlFile yaml)
    {
        var folders = new List<(string, IReadOnlyDictionary<string, object?>)>();
        if (yaml.Root is null)
        {
            return new FolderDefaults(folders);
        }
        var top = yaml.Mapping(yaml.Root, "models.yml", ["version", "folders"]);
        if (top.TryGetValue("folders", out var node))
        {
            foreach (var (folder, values) in yaml.Mapping(node, "folders", null))
            {
                yaml.Mapping(values, $"folders.{folder}", ModelConfig.Keys);
                var map = (IReadOnlyDictionary<string, object?>)YamlFile.Value(values)!;
                new ModelConfig().With(map, detail => throw yaml.Error(values, $"folders.{folder}: {detail}"));
                folders.Add((folder.Trim('/'), map));
            }
        }
        return new FolderDefaults([.. folders.OrderBy(f => f.Item1.Length)]);
    }

    /// <summary>The config every folder above <paramref name="node"/> gives it, outermost first.</summary>
    public ModelConfig For(ModelNode node)
    {
        var folder = Path.GetDirectoryName(node.File)!.Replace('\\', '/');
        var config = new ModelConfig();
        foreach (var (prefix, values) in _folders)
        {
            var path = "models/" + prefix;
            if (folder == path || folder.StartsWith(path + "/", StringComparison.Ordinal))
            {
                config = config.With(values, _ => { });
            }
        }
        return node.Kind == NodeKind.Model ? config : config with { Materialized = null };
    }
}
