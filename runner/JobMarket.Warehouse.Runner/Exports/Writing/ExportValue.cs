using System.Collections;
using System.Globalization;

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

    /// <summary>The invariant text of a number, or null when the value is not a finite number.</summary>
    public static string? NumberText(object value) => value switch
    {
        short s => s.ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        double d when double.IsFinite(d) => d.ToString("R", CultureInfo.InvariantCulture),
        float f when float.IsFinite(f) => f.ToString("R", CultureInfo.InvariantCulture),
        _ => null,
    };

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
