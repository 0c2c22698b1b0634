using System.Globalization;
using NpgsqlTypes;

namespace JobMarket.Warehouse.Runner.Models.Seeds;

/// <summary>
/// Parses CSV text into the .NET value binary COPY writes for a YAML <c>data_type</c>. An empty
/// field is NULL. Unknown types are refused when the seed is read, not half-way through COPY.
/// </summary>
internal static class SeedValueConverter
{
    private static readonly Dictionary<string, (NpgsqlDbType Type, Func<string, object> Parse)> s_types = new(StringComparer.OrdinalIgnoreCase)
    {
        ["text"] = (NpgsqlDbType.Text, s => s),
        ["varchar"] = (NpgsqlDbType.Varchar, s => s),
        ["character varying"] = (NpgsqlDbType.Varchar, s => s),
        ["smallint"] = (NpgsqlDbType.Smallint, s => short.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture)),
        ["integer"] = (NpgsqlDbType.Integer, s => int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture)),
        ["int"] = (NpgsqlDbType.Integer, s => int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture)),
        ["bigint"] = (NpgsqlDbType.Bigint, s => long.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture)),
        ["numeric"] = (NpgsqlDbType.Numeric, s => decimal.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture)),
        ["decimal"] = (NpgsqlDbType.Numeric, s => decimal.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture)),
        ["real"] = (NpgsqlDbType.Real, s => float.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture)),
        ["double precision"] = (NpgsqlDbType.Double, s => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture)),
        ["boolean"] = (NpgsqlDbType.Boolean, ParseBoolean),
        ["date"] = (NpgsqlDbType.Date, s => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture)),
        ["timestamptz"] = (NpgsqlDbType.TimestampTz, s => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).UtcDateTime),
        ["timestamp with time zone"] = (NpgsqlDbType.TimestampTz, s => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).UtcDateTime),
        ["jsonb"] = (NpgsqlDbType.Jsonb, s => s),
        ["text[]"] = (NpgsqlDbType.Array | NpgsqlDbType.Text, s => s.Split('|')),
    };

    public static IEnumerable<string> Known => s_types.Keys;

    public static bool IsKnown(string dataType) => s_types.ContainsKey(Normalize(dataType));

    public static NpgsqlDbType DbType(string dataType) => s_types[Normalize(dataType)].Type;

    /// <summary>The value to write, or an error message naming what was expected.</summary>
    public static object? Parse(string dataType, string text, out string? error)
    {
        error = null;
        if (text.Length == 0)
        {
            return null;
        }
        var type = Normalize(dataType);
        try
        {
            var value = s_types[type].Parse(type is "text" or "varchar" or "character varying" or "jsonb" ? text : text.Trim());
            if (type == "jsonb")
            {
                using var _ = System.Text.Json.JsonDocument.Parse(text);
            }
            return value;
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or System.Text.Json.JsonException)
        {
            error = $"'{text}' is not a valid {type}";
            return null;
        }
    }

    // numeric(10,2) → numeric: precision is applied by the column type itself.
    private static string Normalize(string dataType)
    {
        var type = dataType.Trim().ToLowerInvariant();
        var paren = type.IndexOf('(', StringComparison.Ordinal);
        return paren > 0 ? type[..paren].Trim() : type;
    }

    private static object ParseBoolean(string s) => s.ToLowerInvariant() switch
    {
        "true" or "t" or "yes" or "y" or "1" => true,
        "false" or "f" or "no" or "n" or "0" => false,
        _ => throw new FormatException(),
    };
}
