using System.Collections;
using System.Globalization;
using System.Text;

namespace JobMarket.Warehouse.Runner.Exports.Writing;

/// <summary>How values read from PostgreSQL become cells: kinds, numbers, dates and invariant text.</summary>
internal static class ExportValue
{
    // Excel's serial dates are only unambiguous from 1900-03-01 (its 1900 leap-year bug).
    private static readonly DateTime s_firstExcelDate = new(1900, 3, 1);

    public static CellKind KindOf(Type fieldType, string dataTypeName) => fieldType switch
    {
        _ when fieldType == typeof(short) || fieldType == typeof(int) || fieldType == typeof(long) => CellKind.Integer,
        _ when fieldType == typeof(decimal) || fieldType == typeof(double) || fieldType == typeof(float) => CellKind.Number,
        _ when fieldType == typeof(bool) => CellKind.Boolean,
        _ when fieldType == typeof(DateOnly) => CellKind.Date,
        _ when fieldType == typeof(DateTime) || fieldType == typeof(DateTimeOffset) =>
            dataTypeName == "date" ? CellKind.Date : CellKind.DateTime,
        _ => CellKind.Text,
    };

    /// <summary>Room for any number <see cref="TryFormatNumber"/> writes.</summary>
    public const int MaxNumberLength = 64;

    /// <summary>The invariant text of a number, or null when the value is not a finite number.</summary>
    public static string? NumberText(object value)
    {
        Span<byte> utf8 = stackalloc byte[MaxNumberLength];
        return TryFormatNumber(value, utf8, out var written) ? Encoding.ASCII.GetString(utf8[..written]) : null;
    }

    /// <summary>
    /// Writes a finite number's invariant text as UTF-8 (the workbook writer's path, no string in
    /// between); false when the value is not a finite number.
    /// </summary>
    public static bool TryFormatNumber(object value, Span<byte> utf8, out int written)
    {
        switch (value)
        {
            case short s:
                return s.TryFormat(utf8, out written, default, CultureInfo.InvariantCulture);
            case int i:
                return i.TryFormat(utf8, out written, default, CultureInfo.InvariantCulture);
            case long l:
                return l.TryFormat(utf8, out written, default, CultureInfo.InvariantCulture);
            case decimal d:
                return d.TryFormat(utf8, out written, default, CultureInfo.InvariantCulture);
            case double d when double.IsFinite(d):
                return d.TryFormat(utf8, out written, "R", CultureInfo.InvariantCulture);
            case float f when float.IsFinite(f):
                return f.TryFormat(utf8, out written, "R", CultureInfo.InvariantCulture);
            default:
                written = 0;
                return false;
        }
    }

    /// <summary>A date or timestamp Excel can show as a serial date (UTC for timestamptz).</summary>
    public static bool TryDate(object value, out DateTime date)
    {
        date = value switch
        {
            DateTime dt => dt,
            DateOnly d => d.ToDateTime(TimeOnly.MinValue),
            DateTimeOffset o => o.UtcDateTime,
            _ => DateTime.MinValue,
        };
        return date >= s_firstExcelDate && date < DateTime.MaxValue.Date;
    }

    /// <summary>Plain invariant text: ISO dates, <c>true</c>/<c>false</c>, arrays as <c>{a,b}</c>.</summary>
    public static string Text(object value) => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime { TimeOfDay.Ticks: 0, Kind: not DateTimeKind.Utc } dt => dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime { Kind: DateTimeKind.Utc } dt => dt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        DateTimeOffset o => o.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        byte[] bytes => "\\x" + Convert.ToHexString(bytes).ToLowerInvariant(),
        IFormattable f => NumberText(value) ?? f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items => "{" + string.Join(",", items.Cast<object?>().Select(i => i is null ? "NULL" : Text(i))) + "}",
        _ => value.ToString() ?? "",
    };
}
