using System.Text.RegularExpressions;
using JobMarket.Warehouse.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace JobMarket.Warehouse.Tests.Deployment;

/// <summary>The compose stack, read as YAML (no Docker engine here): its services, settings and variables.</summary>
public sealed partial class ComposeFileTests
{
    private static readonly string s_composeText = File.ReadAllText(Path.Combine(RepositoryPaths.Home, "docker-compose.yml"));
    private static readonly YamlMappingNode s_compose = Load(s_composeText);

    private static YamlMappingNode Load(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlMappingNode Service(string name) =>
        (YamlMappingNode)((YamlMappingNode)s_compose["services"])[name];

    private static Dictionary<string, string> Environment(string service) =>
        ((YamlMappingNode)Service(service)["environment"]).Children
            .ToDictionary(kv => ((YamlScalarNode)kv.Key).Value!, kv => ((YamlScalarNode)kv.Value).Value!);

    private static List<string> EnvExampleVariables() =>
        File.ReadAllLines(Path.Combine(RepositoryPaths.Home, ".env.example"))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l[..l.IndexOf('=', StringComparison.Ordinal)])
            .ToList();

    [Fact]
    public void Compose_DefinesTheStack_WithNamedVolumes()
    {
        var services = ((YamlMappingNode)s_compose["services"]).Children.Keys.Select(k => k.ToString()).ToList();

        Assert.Equal(["warehouse", "metabase-db", "metabase", "runner", "metabase-provision"], services);
        var volumes = ((YamlMappingNode)s_compose["volumes"]).Children.Keys.Select(k => k.ToString()).ToList();
        Assert.Equal(["warehouse-data", "metabase-app-data", "runner-target"], volumes);
        Assert.Contains("warehouse-data:/var/lib/postgresql/data", ((YamlSequenceNode)Service("warehouse")["volumes"]).Select(v => v.ToString()));
        Assert.Contains("metabase-app-data:/var/lib/postgresql/data", ((YamlSequenceNode)Service("metabase-db")["volumes"]).Select(v => v.ToString()));
    }

    [Fact]
    public void Metabase_IsPinned_AndUsesItsOwnApplicationDatabase()
    {
        Assert.Matches(@"^metabase/metabase:v\d+\.\d+\.\d+$", Service("metabase")["image"].ToString());
        var environment = Environment("metabase");
        Assert.Equal("postgres", environment["MB_DB_TYPE"]);
        Assert.Equal("metabase-db", environment["MB_DB_HOST"]);
        foreach (var key in new[] { "MB_DB_DBNAME", "MB_DB_PORT", "MB_DB_USER", "MB_DB_PASS" })
        {
            Assert.True(environment.ContainsKey(key), key);
        }
        var health = (YamlMappingNode)Service("metabase")["healthcheck"];
        Assert.Contains("/api/health", health["test"].ToString());
    }

    [Fact]
    public void Provisioning_WaitsForAHealthyMetabase_AndRunsOnce()
    {
        var provision = Service("metabase-provision");
        var dependsOn = (YamlMappingNode)provision["depends_on"];

        Assert.Equal("service_healthy", ((YamlMappingNode)dependsOn["metabase"])["condition"].ToString());
        Assert.Equal("service_healthy", ((YamlMappingNode)dependsOn["warehouse"])["condition"].ToString());
        Assert.Equal("no", provision["restart"].ToString());
        var command = string.Join(" ", ((YamlSequenceNode)provision["command"]).Select(c => c.ToString()));
        Assert.Contains("jobmarket metabase reader-password", command);
        Assert.Contains("jobmarket metabase provision --url http://metabase:3000", command);
    }

    [Fact]
    public void Runner_IsTheSchedulerBuiltFromTheDockerfile()
    {
        var runner = Service("runner");
        var build = (YamlMappingNode)runner["build"];

        Assert.Equal("runner/Dockerfile", build["dockerfile"].ToString());
        Assert.Equal(["schedule"], ((YamlSequenceNode)runner["command"]).Select(c => c.ToString()));
        var dockerfile = File.ReadAllText(Path.Combine(RepositoryPaths.Home, "runner", "Dockerfile"));
        Assert.Contains("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build", dockerfile);
        Assert.Contains("FROM mcr.microsoft.com/dotnet/runtime:10.0", dockerfile);
        foreach (var folder in new[] { "models/", "migrations/", "metabase/" })
        {
            Assert.Contains($"COPY {folder} /app/{folder}", dockerfile);
        }
        Assert.Contains("JOBMARKET_HOME=/app", dockerfile);
    }

    [Fact]
    public void Compose_NamesEveryVariable_ThatEnvExampleDefines()
    {
        var used = VariablePattern().Matches(s_composeText).Select(m => m.Groups[1].Value).ToHashSet();
        var defined = EnvExampleVariables();

        Assert.All(defined, v => Assert.Contains(v, used));
        Assert.All(used, v => Assert.Contains(v, defined));
        Assert.Equal(defined.Count, defined.Distinct().Count());
    }

    [Fact]
    public void EnvExample_HoldsNoRealSecrets()
    {
        foreach (var line in File.ReadAllLines(Path.Combine(RepositoryPaths.Home, ".env.example")).Where(l => l.Contains('=') && !l.StartsWith('#')))
        {
            var (key, value) = (line[..line.IndexOf('=')], line[(line.IndexOf('=') + 1)..]);
            if (key.EndsWith("PASSWORD", StringComparison.Ordinal) || key.EndsWith("PASS", StringComparison.Ordinal))
            {
                Assert.StartsWith("change-me", value);
            }
            if (key.EndsWith("KEY", StringComparison.Ordinal) || key.EndsWith("SECRET", StringComparison.Ordinal))
            {
                Assert.Equal("", value);
            }
        }
    }

    // ${NAME}, ${NAME:-default}, ${NAME:?message}; $${NAME} is a literal for the container's shell.
    [GeneratedRegex(@"(?<!\$)\$\{([A-Z][A-Z0-9_]*)(?::?[-?][^}]*)?\}")]
    private static partial Regex VariablePattern();
}
