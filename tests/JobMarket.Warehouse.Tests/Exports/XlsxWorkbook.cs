using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace JobMarket.Warehouse.Tests.Exports;

/// <summary>A produced workbook read back with the Open XML SDK (DOM), for assertions.</summary>
public sealed class XlsxWorkbook
{
    private XlsxWorkbook(List<XlsxSheet> sheets) => Sheets = sheets;

    public IReadOnlyList<XlsxSheet> Sheets { get; }

    public IReadOnlyList<string> SheetNames => [.. Sheets.Select(s => s.Name)];

    public XlsxSheet this[string name] => Sheets.Single(s => s.Name == name);

    public static XlsxWorkbook Read(string path)
    {
        using var document = SpreadsheetDocument.Open(path, isEditable: false);
        var workbookPart = document.WorkbookPart!;
        var formats = workbookPart.WorkbookStylesPart!.Stylesheet;
        var customFormats = formats.NumberingFormats?.Elements<NumberingFormat>()
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value!) ?? [];
        var cellFormats = formats.CellFormats!.Elements<CellFormat>().ToList();
        var sheets = new List<XlsxSheet>();
        foreach (var sheet in workbookPart.Workbook.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)workbookPart.GetPartById(sheet.Id!);
            var worksheet = part.Worksheet;
            var rows = worksheet.GetFirstChild<SheetData>()!.Elements<Row>().Select(row => (IReadOnlyList<XlsxCell>)[.. row.Elements<Cell>().Select(cell =>
            {
                var style = cell.StyleIndex?.Value ?? 0;
                var format = cellFormats[(int)style];
                var numberFormatId = format.NumberFormatId?.Value ?? 0;
                var text = cell.DataType?.Value == CellValues.InlineString ? DecodeXString(cell.InlineString!.Text!.Text) : cell.CellValue?.Text;
                return new XlsxCell(
                    cell.CellReference!.Value!,
                    cell.DataType?.Value ?? CellValues.Number,
                    text,
                    customFormats.TryGetValue(numberFormatId, out var code) ? code : BuiltInFormat(numberFormatId),
                    style,
                    format.QuotePrefix?.Value ?? false,
                    cell.CellFormula is not null);
            })]).ToList();
            var pane = worksheet.GetFirstChild<SheetViews>()?.GetFirstChild<SheetView>()?.GetFirstChild<Pane>();
            var widths = worksheet.GetFirstChild<Columns>()?.Elements<Column>().Select(c => c.Width!.Value).ToList() ?? [];
            sheets.Add(new XlsxSheet(sheet.Name!.Value!, rows, worksheet.GetFirstChild<AutoFilter>()?.Reference?.Value,
                pane is { State.Value: var state } && state == PaneStateValues.Frozen ? pane.VerticalSplit?.Value : null, widths));
        }
        return new XlsxWorkbook(sheets);
    }

    /// <summary>Text as a spreadsheet reads it: each <c>_xHHHH_</c> (ECMA-376 ST_Xstring) is one UTF-16 unit.</summary>
    public static string DecodeXString(string text) =>
        Regex.Replace(text, "_x([0-9A-Fa-f]{4})_",
            m => ((char)int.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString());

    private static string BuiltInFormat(uint id) => id switch
    {
        0 => "General",
        1 => "0",
        3 => "#,##0",
        4 => "#,##0.00",
        _ => $"builtin {id}",
    };
}

public sealed record XlsxSheet(string Name, IReadOnlyList<IReadOnlyList<XlsxCell>> Rows, string? AutoFilter, double? FrozenRows, IReadOnlyList<double> Widths)
{
    public XlsxCell Cell(string reference) =>
        Rows.SelectMany(r => r).SingleOrDefault(c => c.Reference == reference) ?? throw new KeyNotFoundException(reference);

    public bool HasCell(string reference) => Rows.SelectMany(r => r).Any(c => c.Reference == reference);

    /// <summary>Column B of the cover sheet, found by its label in column A.</summary>
    public string? CoverValue(string label)
    {
        var row = Rows.FirstOrDefault(r => r.Count > 0 && r[0].Text == label);
        return row is { Count: > 1 } ? row[1].Text : null;
    }
}

public sealed record XlsxCell(string Reference, CellValues Type, string? Text, string NumberFormat, uint Style, bool QuotePrefix, bool HasFormula);
