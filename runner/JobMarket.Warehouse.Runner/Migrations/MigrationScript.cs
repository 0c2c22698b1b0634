using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace JobMarket.Warehouse.Runner.Migrations;

/// <summary>One <c>V0001__name.sql</c> file: its version, name, text and checksum.</summary>
internal sealed partial record MigrationScript(int Version, string Name, string Path, string Sql, string Checksum)
{
    [GeneratedRegex(@"^V(?<version>\d{4,})__(?<slug>[a-z0-9_]+)\.sql$")]
    private static partial Regex FileNamePattern();

    public static bool TryParseFileName(string fileName, out int version)
    {
        var match = FileNamePattern().Match(fileName);
        version = match.Success ? int.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture) : 0;
        return match.Success;
    }

    public static MigrationScript Load(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        if (!TryParseFileName(name, out var version))
        {
            throw new WarehouseException(
                $"{path}: migration file names must look like V0001__lowercase_name.sql");
        }
        // Line endings are normalised so a checkout with CRLF does not look like an edit.
        var sql = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        return new MigrationScript(version, name, path, sql, ChecksumOf(sql));
    }

    public static string ChecksumOf(string sql) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sql))).ToLowerInvariant();

    /// <summary>Every script in the folder, in version order; duplicate versions are an error.</summary>
    public static IReadOnlyList<MigrationScript> LoadFolder(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new WarehouseException($"migrations folder not found: {folder}");
        }
        var scripts = Directory.GetFiles(folder, "*.sql").Order(StringComparer.Ordinal).Select(Load).ToList();
        var duplicate = scripts.GroupBy(s => s.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new WarehouseException(
                $"two migrations share version {duplicate.Key}: {string.Join(", ", duplicate.Select(s => s.Name))}");
        }
        return scripts.OrderBy(s => s.Version).ToList();
    }
}
