using System.Data.Common;
using System.Globalization;
using JobMarket.Warehouse.Runner.Exports.Definitions;
using JobMarket.Warehouse.Runner.Exports.Writing;

namespace JobMarket.Warehouse.Runner.Exports;

/// <summary>
/// Matches a query's result columns with the sheet's column definitions and sizes them from
/// their titles and a sample of rows (the definition's width wins).
/// </summary>
internal static class ColumnLayout
{
    private const double MinWidth = 8;
    private const double MaxWidth = 60;

    public static IReadOnlyList<SheetColumn> Resolve(ExportDefinition definition, ExportSheet sheet, DbDataReader reader, IReadOnlyList<object?[]> sample)
    {
        var names = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        foreach (var declared in sheet.Columns.Where(c => !names.Contains(c.Name, StringComparer.Ordinal)))
        {
            throw new ExportDefinitionException(definition.File, declared.Line, $"sheets[{sheet.Name}].columns[{declared.Name}]",
                $"is not a column of the sheet's result (it returns: {string.Join(", ", names)})");
        }
        var columns = new List<SheetColumn>(names.Count);
        for (var i = 0; i < names.Count; i++)
        {
            var declared = sheet.Column(names[i]);
            var kind = ExportValue.KindOf(reader.GetFieldType(i), reader.GetDataTypeName(i));
            var format = declared?.Format ?? ColumnFormat.Auto;
            var title = declared?.Title ?? Humanize(names[i]);
            var width = declared?.Width ?? Estimate(title, kind, format, sample.Select(row => row[i]));
            columns.Add(new SheetColumn(names[i], title, kind, format, width));
        }
        return columns;
    }

    /// <summary><c>salary_median_eur</c> → <c>Salary median eur</c>.</summary>
    public static string Humanize(string name)
    {
        var words = name.Replace('_', ' ').Trim();
        return words.Length == 0 ? name : char.ToUpperInvariant(words[0]) + words[1..];
    }

    private static double Estimate(string title, CellKind kind, ColumnFormat format, IEnumerable<object?> values)
    {
        // Room for the autofilter button beside the title.
        var widest = title.Length + 4.0;
        foreach (var value in values)
        {
            if (value is not null)
            {
                widest = Math.Max(widest, DisplayLength(value, kind, format) + 2);
            }
        }
        return Math.Round(Math.Clamp(widest, MinWidth, MaxWidth), 1);
    }

    private static double DisplayLength(object value, CellKind kind, ColumnFormat format)
    {
        if (kind is CellKind.Date || format is ColumnFormat.Date)
        {
            return 10;
        }
        if (kind is CellKind.DateTime || format is ColumnFormat.DateTime)
        {
            return 19;
        }
        if (ExportValue.NumberText(value) is { } number && format is not ColumnFormat.Text)
        {
            var digits = decimal.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
                ? Math.Truncate(Math.Abs(d)).ToString(CultureInfo.InvariantCulture).Length + (d < 0 ? 1 : 0)
                : number.Length;
            return format switch
            {
                ColumnFormat.Thousands or ColumnFormat.Eur => digits * 4 / 3.0 + 2,
                ColumnFormat.EurCents or ColumnFormat.Decimal => digits * 4 / 3.0 + 5,
                ColumnFormat.Percent => 7,
                _ => kind == CellKind.Number ? number.Length : digits,
            };
        }
        var text = ExportValue.Text(value);
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        return newline >= 0 ? newline : text.Length;
    }
}
