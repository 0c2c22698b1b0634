using System.Globalization;
using System.Text.RegularExpressions;
using JobMarket.Warehouse.Runner.Exports.Definitions;
using NpgsqlTypes;

namespace JobMarket.Warehouse.Runner.Exports;

/// <summary>
/// Turns parameter text (a default or a <c>--param k=v</c>) into a typed value bound with its
/// PostgreSQL type. Dates also accept <c>today</c> and <c>today-7d</c> / <c>-4w</c> / <c>-3m</c> / <c>-1y</c>.
/// </summary>
internal static partial class ExportParameterValues
{
    [GeneratedRegex(@"^today(?:([+-])(\d{1,4})([dwmy])?)?$")]
    private static partial Regex RelativeDatePattern();

    /// <exception cref="FormatException">The text is not a value of the parameter's type.</exception>
    public static object Parse(ExportParameter parameter, string text, DateOnly today)
    {
        var value = text.Trim();
        return parameter.Type switch
        {
            ExportParameterType.Text => text,
            ExportParameterType.Integer => long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l)
                ? l : throw Invalid(parameter, text, "an integer"),
            ExportParameterType.Decimal => decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
                ? d : throw Invalid(parameter, text, "a decimal number"),
            ExportParameterType.Boolean => value.ToLowerInvariant() switch
            {
                "true" or "yes" or "1" => true,
                "false" or "no" or "0" => false,
                _ => throw Invalid(parameter, text, "true or false"),
            },
            ExportParameterType.Date => ParseDate(parameter, value, today),
            _ => throw new ArgumentOutOfRangeException(nameof(parameter)),
        };
    }

    public static NpgsqlDbType DbType(ExportParameterType type) => type switch
    {
        ExportParameterType.Text => NpgsqlDbType.Text,
        ExportParameterType.Integer => NpgsqlDbType.Bigint,
        ExportParameterType.Decimal => NpgsqlDbType.Numeric,
        ExportParameterType.Date => NpgsqlDbType.Date,
        ExportParameterType.Boolean => NpgsqlDbType.Boolean,
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>How a resolved value reads on the cover sheet and in the audit.</summary>
    public static string Display(object? value) => value switch
    {
        null => "(none)",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static DateOnly ParseDate(ExportParameter parameter, string value, DateOnly today)
    {
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        var match = RelativeDatePattern().Match(value);
        if (!match.Success)
        {
            throw Invalid(parameter, value, "a date (yyyy-MM-dd, today, today-7d, today-4w, today-3m)");
        }
        if (!match.Groups[2].Success)
        {
            return today;
        }
        var amount = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) * (match.Groups[1].Value == "-" ? -1 : 1);
        return match.Groups[3].Value switch
        {
            "w" => today.AddDays(7 * amount),
            "m" => today.AddMonths(amount),
            "y" => today.AddYears(amount),
            _ => today.AddDays(amount),
        };
    }

    private static FormatException Invalid(ExportParameter parameter, string text, string expected) =>
        new($"parameter '{parameter.Name}' expects {expected}, got '{text}'");
}
