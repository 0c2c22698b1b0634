using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using JobMarket.Warehouse.Runner.Exports.Definitions;

namespace JobMarket.Warehouse.Runner.Exports.Writing;

/// <summary>The workbook's one stylesheet; cells refer to these fixed style indexes.</summary>
internal static class XlsxStyles
{
    public const uint Default = 0;
    public const uint Header = 1;
    public const uint Integer = 2;
    public const uint Thousands = 3;
    public const uint Decimal = 4;
    public const uint Eur = 5;
    public const uint EurCents = 6;
    public const uint Percent = 7;
    public const uint Date = 8;
    public const uint DateTime = 9;
    public const uint QuotedText = 10;
    public const uint CoverTitle = 11;
    public const uint CoverLabel = 12;
    public const uint Wrapped = 13;

    public const string EurFormat = "#,##0\\ \"€\"";
    public const string EurCentsFormat = "#,##0.00\\ \"€\"";
    public const string PercentFormat = "0.0%";
    public const string DateFormat = "yyyy-mm-dd";
    public const string DateTimeFormat = "yyyy-mm-dd hh:mm:ss";

    /// <summary>The style of a number or date cell in a column of this format.</summary>
    public static uint ForValue(ColumnFormat format, CellKind kind) => format switch
    {
        ColumnFormat.Integer => Integer,
        ColumnFormat.Thousands => Thousands,
        ColumnFormat.Decimal => Decimal,
        ColumnFormat.Eur => Eur,
        ColumnFormat.EurCents => EurCents,
        ColumnFormat.Percent => Percent,
        ColumnFormat.Date => Date,
        ColumnFormat.DateTime => DateTime,
        _ => kind switch
        {
            CellKind.Integer => Integer,
            CellKind.Number => Decimal,
            CellKind.Date => Date,
            CellKind.DateTime => DateTime,
            _ => Default,
        },
    };

    public static Stylesheet Build() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = EurFormat },
            new NumberingFormat { NumberFormatId = 165, FormatCode = EurCentsFormat },
            new NumberingFormat { NumberFormatId = 166, FormatCode = PercentFormat },
            new NumberingFormat { NumberFormatId = 167, FormatCode = DateFormat },
            new NumberingFormat { NumberFormatId = 168, FormatCode = DateTimeFormat })
        { Count = 5 },
        new Fonts(
            Font(bold: false, size: 11, color: null),
            Font(bold: true, size: 11, color: "FFFFFFFF"),
            Font(bold: true, size: 16, color: "FF1F4E78"),
            Font(bold: true, size: 11, color: null))
        { Count = 4 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FF1F4E78" }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid }))
        { Count = 3 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            Format(0),
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Center, WrapText = true }) { FontId = 1, FillId = 2, ApplyFont = true, ApplyFill = true, ApplyAlignment = true },
            Format(1),
            Format(3),
            Format(4),
            Format(164),
            Format(165),
            Format(166),
            Format(167),
            Format(168),
            new CellFormat { QuotePrefix = true },
            new CellFormat { FontId = 2, ApplyFont = true },
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top }) { FontId = 3, ApplyFont = true, ApplyAlignment = true },
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = true }) { ApplyAlignment = true })
        { Count = 14 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });

    private static CellFormat Format(uint numberFormatId) =>
        new() { NumberFormatId = numberFormatId, ApplyNumberFormat = numberFormatId != 0 };

    private static Font Font(bool bold, double size, string? color)
    {
        var font = new Font();
        if (bold)
        {
            font.Append(new Bold());
        }
        font.Append(new FontSize { Val = size });
        font.Append(color is null ? new Color { Theme = 1 } : new Color { Rgb = HexBinaryValue.FromString(color) });
        font.Append(new FontName { Val = "Calibri" });
        font.Append(new FontFamilyNumbering { Val = 2 });
        return font;
    }
}
