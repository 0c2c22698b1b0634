using System.Globalization;
using System.IO.Packaging;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using JobMarket.Warehouse.Runner.Exports.Definitions;

namespace JobMarket.Warehouse.Runner.Exports.Writing;

/// <summary>
/// Streams an xlsx workbook with the Open XML SDK's <see cref="OpenXmlWriter"/>: one worksheet
/// part at a time, rows written as they arrive. The package is opened write-only so
/// System.IO.Packaging zips each part as it is written instead of buffering it in memory.
/// A sheet past the row limit continues on a new sheet named "Name (2)".
/// </summary>
internal sealed class XlsxWorkbookWriter : IWorkbookWriter
{
    /// <summary>Excel's limit: 1,048,576 rows per sheet, the header included.</summary>
    public const int ExcelMaxRows = 1_048_576;

    private const string CoverName = "About";
    private static readonly OpenXmlAttribute[] s_noAttributes = [];

    private readonly StagedFile _file;
    private readonly long _dataRowsPerSheet;
    private readonly FileStream _stream;
    private readonly Package _package;
    private readonly SpreadsheetDocument _document;
    private readonly WorkbookPart _workbookPart;
    private readonly SheetNamer _names = new();
    private readonly List<WrittenSheet> _sheets = [];

    private OpenXmlWriter? _writer;
    private IReadOnlyList<SheetColumn> _columns = [];
    private string[] _letters = [];
    private string _baseName = "";
    private int _continuation;
    private long _rowsInPart;
    private long _rowNumber;
    private bool _completed;

    public XlsxWorkbookWriter(string path, int maxRowsPerSheet = ExcelMaxRows)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRowsPerSheet, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxRowsPerSheet, ExcelMaxRows);
        _dataRowsPerSheet = maxRowsPerSheet - 1;
        _file = new StagedFile(path);
        _stream = new FileStream(_file.TemporaryPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        _package = Package.Open(_stream, FileMode.Create, FileAccess.Write);
        _document = SpreadsheetDocument.Create(_package, SpreadsheetDocumentType.Workbook);
        _document.CompressionOption = CompressionOption.Fast;
        _workbookPart = _document.AddWorkbookPart();
        // The cover sheet is written last (it lists row counts) but shown first.
        _names.Unique(CoverName);
    }

    public void StartSheet(string name, IReadOnlyList<SheetColumn> columns)
    {
        EndPart();
        _columns = columns;
        _letters = [.. Enumerable.Range(0, columns.Count).Select(ColumnLetters)];
        _baseName = name;
        _continuation = 1;
        StartPart();
    }

    public void WriteRow(object?[] values)
    {
        var writer = _writer ?? throw new InvalidOperationException("StartSheet first");
        if (_rowsInPart == _dataRowsPerSheet)
        {
            EndPart();
            _continuation++;
            StartPart();
            writer = _writer!;
        }
        _rowNumber++;
        _rowsInPart++;
        var row = _rowNumber.ToString(CultureInfo.InvariantCulture);
        writer.WriteStartElement(new Row(), [new OpenXmlAttribute("r", "", row)]);
        for (var i = 0; i < _columns.Count; i++)
        {
            if (values[i] is { } value)
            {
                WriteCell(writer, _letters[i] + row, value, _columns[i]);
            }
        }
        writer.WriteEndElement();
    }

    public IReadOnlyList<string> Complete(CoverPage cover)
    {
        EndPart();
        var coverPart = _workbookPart.AddNewPart<WorksheetPart>();
        WriteCover(coverPart, cover);

        var sheets = new Sheets(new Sheet { Name = CoverName, SheetId = 1, Id = _workbookPart.GetIdOfPart(coverPart) });
        var definedNames = new DefinedNames();
        for (var i = 0; i < _sheets.Count; i++)
        {
            var sheet = _sheets[i];
            sheets.Append(new Sheet { Name = sheet.Name, SheetId = (uint)i + 2, Id = sheet.RelationshipId });
            // Excel keeps an autofilter's range in this hidden name; without it some readers drop the filter.
            definedNames.Append(new DefinedName($"'{sheet.Name.Replace("'", "''", StringComparison.Ordinal)}'!{sheet.FilterRange}")
            {
                Name = "_xlnm._FilterDatabase",
                LocalSheetId = (uint)i + 1,
                Hidden = true,
            });
        }
        var workbook = new Workbook(new BookViews(new WorkbookView { ActiveTab = 0 }), sheets);
        if (definedNames.HasChildren)
        {
            workbook.Append(definedNames);
        }
        _workbookPart.Workbook = workbook;
        _workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = XlsxStyles.Build();
        _document.Dispose();
        _package.Close();
        _stream.Dispose();
        _completed = true;
        return [_file.Commit()];
    }

    /// <summary>The sheets written so far (continuations included) with their data row counts.</summary>
    public IReadOnlyList<(string Name, long Rows)> SheetRowCounts =>
        [.. _sheets.Select(s => (s.Name, s.Rows))];

    public void Dispose()
    {
        if (!_completed)
        {
            // Best effort: the package may be mid-part; the staged file is deleted either way.
            try
            {
                _writer?.Close();
                _document.Dispose();
                _package.Close();
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException or ObjectDisposedException)
            {
            }
            _stream.Dispose();
        }
        _file.Dispose();
    }

    private void StartPart()
    {
        var name = _names.Unique(_continuation == 1 ? _baseName : $"{_baseName} ({_continuation})");
        var part = _workbookPart.AddNewPart<WorksheetPart>();
        _sheets.Add(new WrittenSheet(name, _workbookPart.GetIdOfPart(part)));
        _rowNumber = 0;
        _rowsInPart = 0;
        var writer = _writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue>([new StringValue("A2")]) })
        { WorkbookViewId = 0, TabSelected = false }));
        if (_columns.Count > 0)
        {
            writer.WriteElement(new Columns(_columns.Select((c, i) => new Column
            {
                Min = (uint)i + 1,
                Max = (uint)i + 1,
                Width = c.Width,
                CustomWidth = true,
            })));
        }
        writer.WriteStartElement(new SheetData());
        _rowNumber = 1;
        writer.WriteStartElement(new Row(), [new OpenXmlAttribute("r", "", "1")]);
        for (var i = 0; i < _columns.Count; i++)
        {
            WriteInlineString(writer, _letters[i] + "1", CellText.ForXlsx(_columns[i].Title), XlsxStyles.Header);
        }
        writer.WriteEndElement();
    }

    private void EndPart()
    {
        if (_writer is not { } writer)
        {
            return;
        }
        writer.WriteEndElement(); // sheetData
        var lastColumn = _letters.Length == 0 ? "A" : _letters[^1];
        var range = $"$A$1:${lastColumn}${_rowNumber}";
        if (_letters.Length > 0)
        {
            writer.WriteElement(new AutoFilter { Reference = $"A1:{lastColumn}{_rowNumber}" });
        }
        writer.WriteEndElement(); // worksheet
        writer.Close();
        _writer = null;
        _sheets[^1] = _sheets[^1] with { Rows = _rowsInPart, FilterRange = range };
    }

    private void WriteCover(WorksheetPart part, CoverPage cover)
    {
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new Columns(
            new Column { Min = 1, Max = 1, Width = 28, CustomWidth = true },
            new Column { Min = 2, Max = 2, Width = 90, CustomWidth = true }));
        writer.WriteStartElement(new SheetData());
        var row = 0;
        void Line(string? label, string? text, uint labelStyle = XlsxStyles.CoverLabel, uint textStyle = XlsxStyles.Wrapped, DateTimeOffset? date = null)
        {
            row++;
            var r = row.ToString(CultureInfo.InvariantCulture);
            writer.WriteStartElement(new Row(), [new OpenXmlAttribute("r", "", r)]);
            if (label is not null)
            {
                WriteInlineString(writer, "A" + r, CellText.ForXlsx(label), labelStyle);
            }
            if (date is { } d)
            {
                WriteNumber(writer, "B" + r, d.UtcDateTime.ToOADate().ToString("R", CultureInfo.InvariantCulture), XlsxStyles.DateTime);
            }
            else if (text is not null)
            {
                WriteInlineString(writer, "B" + r, CellText.ForXlsx(text), CellText.IsFormulaLike(text) ? XlsxStyles.QuotedText : textStyle);
            }
            writer.WriteEndElement();
        }

        Line(cover.Title, null, XlsxStyles.CoverTitle);
        Line("Description", cover.Description);
        Line("Generated at (UTC)", null, date: cover.GeneratedAt);
        Line(null, null);
        Line("Parameters", cover.Parameters.Count == 0 ? "(none)" : null);
        foreach (var (name, value) in cover.Parameters)
        {
            Line("  " + name, value, XlsxStyles.Default);
        }
        Line(null, null);
        Line("Data freshness (UTC)", cover.Freshness.Count == 0 ? "(unknown)" : null);
        foreach (var (label, at) in cover.Freshness)
        {
            Line("  " + label, at is null ? "(never)" : null, XlsxStyles.Default, date: at);
        }
        Line(null, null);
        Line("Sheets", null);
        foreach (var sheet in _sheets)
        {
            Line("  " + sheet.Name, sheet.Rows.ToString("N0", CultureInfo.InvariantCulture) + (sheet.Rows == 1 ? " row" : " rows"), XlsxStyles.Default);
        }
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static void WriteCell(OpenXmlWriter writer, string reference, object value, SheetColumn column)
    {
        if (value is bool b)
        {
            writer.WriteStartElement(new Cell(), [new OpenXmlAttribute("r", "", reference), new OpenXmlAttribute("t", "", "b")]);
            writer.WriteElement(new CellValue(b ? "1" : "0"));
            writer.WriteEndElement();
        }
        else if (ExportValue.NumberText(value) is { } number && column.Format is not ColumnFormat.Text)
        {
            WriteNumber(writer, reference, number, XlsxStyles.ForValue(column.Format, column.Kind));
        }
        else if (value is DateTime or DateOnly or DateTimeOffset && ExportValue.TryDate(value, out var date) && column.Format is not ColumnFormat.Text)
        {
            var style = column.Format is ColumnFormat.Date or ColumnFormat.DateTime
                ? XlsxStyles.ForValue(column.Format, column.Kind)
                : column.Kind == CellKind.Date ? XlsxStyles.Date : XlsxStyles.DateTime;
            WriteNumber(writer, reference, date.ToOADate().ToString("R", CultureInfo.InvariantCulture), style);
        }
        else
        {
            var text = ExportValue.Text(value);
            WriteInlineString(writer, reference, CellText.ForXlsx(text), CellText.IsFormulaLike(text) ? XlsxStyles.QuotedText : XlsxStyles.Default);
        }
    }

    private static void WriteNumber(OpenXmlWriter writer, string reference, string number, uint style)
    {
        writer.WriteStartElement(new Cell(), [new OpenXmlAttribute("r", "", reference), StyleAttribute(style)]);
        writer.WriteElement(new CellValue(number));
        writer.WriteEndElement();
    }

    // Inline strings (t="inlineStr") need no shared-string table, so memory stays flat; the text
    // is a string cell, never a formula, whatever it starts with.
    private static void WriteInlineString(OpenXmlWriter writer, string reference, string text, uint style)
    {
        OpenXmlAttribute[] attributes = style == XlsxStyles.Default
            ? [new OpenXmlAttribute("r", "", reference), new OpenXmlAttribute("t", "", "inlineStr")]
            : [new OpenXmlAttribute("r", "", reference), StyleAttribute(style), new OpenXmlAttribute("t", "", "inlineStr")];
        writer.WriteStartElement(new Cell(), attributes);
        writer.WriteStartElement(new InlineString(), s_noAttributes);
        writer.WriteElement(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static OpenXmlAttribute StyleAttribute(uint style) =>
        new("s", "", style.ToString(CultureInfo.InvariantCulture));

    /// <summary>0 → A, 25 → Z, 26 → AA.</summary>
    public static string ColumnLetters(int index)
    {
        var letters = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }
        return letters;
    }

    private sealed record WrittenSheet(string Name, string RelationshipId, long Rows = 0, string FilterRange = "$A$1:$A$1");
}
