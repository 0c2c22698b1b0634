namespace JobMarket.Warehouse.Runner.Configuration;

/// <summary>
/// Reads <c>KEY=value</c> lines from a <c>.env</c> file into the process environment. A variable
/// already set in the environment wins, so the file never overrides an operator's choice.
/// </summary>
internal static class DotEnvFile
{
    public static void Load(string path)
    {
        if (!File.Exists(path))
        {
            return;
        }
        var lineNumber = 0;
        foreach (var rawLine in File.ReadLines(path))
        {
            lineNumber++;
            var line = rawLine.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            if (line.StartsWith("export ", StringComparison.Ordinal))
            {
                line = line["export ".Length..].TrimStart();
            }
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new WarehouseException($"{path}:{lineNumber}: expected KEY=value, found '{Redact(line)}'.");
            }
            var key = line[..equals].Trim();
            var value = line[(equals + 1)..].Trim();
            if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0])
            {
                value = value[1..^1];
            }
            if (Environment.GetEnvironmentVariable(key) is null)
            {
                Environment.SetEnvironmentVariable(key, value);
            }
        }
    }

    // A malformed line may still hold a secret: show only its start.
    private static string Redact(string line) => line.Length <= 12 ? line : line[..12] + "…";
}
