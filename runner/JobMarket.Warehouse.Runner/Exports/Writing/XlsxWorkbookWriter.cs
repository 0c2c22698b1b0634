using System.Globalization;
using System.IO.Packaging;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using JobMarket.Warehouse.Runner.Exports.Definitions;

namespace JobMarket.Warehouse.Runner.Exports.Writing;

/// <summary>
/// Streams an xlsx workbook with the Open XML SDK's <see cref="OpenXmlWriter"/>: one worksheet
/// part at a time, rows written as they arrive, into a write-only System.IO.Packaging package
/// that zips each part as it is written instead of buffering it in memory.
/// A sheet past the row limit continues on a new sheet named "Name (2)".
/// </summary>
internal sealed class XlsxWorkbookWriter : IWorkbookWriter
{
    /// <summary>Excel's limit: 1,048,576 rows per sheet, the header included.</summary>
    public const int ExcelMaxRows = 1_048_576;

    private const string CoverName = "About";
    private static readonly OpenXmlAttribute[] s_noAttributes = [];
    private static readonly OpenXmlAttribute[] s_preserveSpace = [new("xml", "space", "http://www.w3.org/XML/1998/namespace", "preserve")];
    private static readonly OpenXmlAttribute s_booleanType = new("t", "", "b");
    private static readonly OpenXmlAttribute s_inlineStringType = new("t", "", "inlineStr");
    private static readonly OpenXmlAttribute[] s_styles = [.. Enumerable.Range(0, 16).Select(i => new OpenXmlAttribute("s", "", i.ToString(CultureInfo.InvariantCulture)))];
    private static readonly Row s_row = new();
    private static readonly Cell s_cell = new();
    private static readonly CellValue s_value = new();
    private static readonly InlineString s_inlineString = new();
    private static readonly Text s_text = new();

    private const string MainContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
    private const string WorksheetContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
    private const string StylesContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
    private const string RelationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private readonly StagedFile _file;
    private readonly long _dataRowsPerSheet;
    private readonly FileStream _stream;
    private readonly Package _package;
    private readonly SheetNamer _names = new();
    private readonly List<WrittenSheet> _sheets = [];

    private Stream? _partStream;
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
        // Write-only: the zip is written forward, part after part. (SpreadsheetDocument needs a
        // readable package, which on .NET buffers every part in memory: Open-XML-SDK issue #807.)
        _package = Package.Open(_stream, FileMode.Create, FileAccess.Write);
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
        writer.WriteStartElement(s_row, [new OpenXmlAttribute("r", "", row)]);
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
        var coverUri = new Uri("/xl/worksheets/about.xml", UriKind.Relative);
        using (var stream = CreatePart(coverUri, WorksheetContentType))
        {
            WriteCover(stream, cover);
        }
        using (var stream = CreatePart(new Uri("/xl/styles.xml", UriKind.Relative), StylesContentType))
        {
            WriteRoot(stream, XlsxStyles.Build());
        }

        var workbookUri = new Uri("/xl/workbook.xml", UriKind.Relative);
        var workbookPart = _package.CreatePart(workbookUri, MainContentType, CompressionOption.Fast);
        var sheets = new Sheets(new Sheet { Name = CoverName, SheetId = 1, Id = "rIdAbout" });
        workbookPart.CreateRelationship(Relative(coverUri), TargetMode.Internal, RelationshipsNamespace + "/worksheet", "rIdAbout");
        workbookPart.CreateRelationship(new Uri("styles.xml", UriKind.Relative), TargetMode.Internal, RelationshipsNamespace + "/styles", "rIdStyles");
        var definedNames = new DefinedNames();
        for (var i = 0; i < _sheets.Count; i++)
        {
            var sheet = _sheets[i];
            var id = $"rId{i + 1}";
            workbookPart.CreateRelationship(Relative(sheet.Uri), TargetMode.Internal, RelationshipsNamespace + "/worksheet", id);
            sheets.Append(new Sheet { Name = sheet.Name, SheetId = (uint)i + 2, Id = id });
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
        using (var stream = workbookPart.GetStream(FileMode.Create, FileAccess.Write))
        {
            WriteRoot(stream, workbook);
        }
        _package.CreateRelationship(workbookUri, TargetMode.Internal, RelationshipsNamespace + "/officeDocument", "rId1");
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
                _partStream?.Dispose();
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
        var uri = new Uri($"/xl/worksheets/sheet{_sheets.Count + 1}.xml", UriKind.Relative);
        _sheets.Add(new WrittenSheet(name, uri));
        _rowNumber = 0;
        _rowsInPart = 0;
        _partStream = CreatePart(uri, WorksheetContentType);
        var writer = _writer = OpenXmlWriter.Create(_partStream);
        writer.WriteStartDocument();
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
        writer.WriteStartElement(s_row, [new OpenXmlAttribute("r", "", "1")]);
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
        _partStream!.Dispose();
        _writer = null;
        _partStream = null;
        _sheets[^1] = _sheets[^1] with { Rows = _rowsInPart, FilterRange = range };
    }

    private void WriteCover(Stream stream, CoverPage cover)
    {
        using var writer = OpenXmlWriter.Create(stream);
        writer.WriteStartDocument();
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
            writer.WriteStartElement(s_row, [new OpenXmlAttribute("r", "", r)]);
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

    // Parts are created just before they are written: a write-only zip takes each entry once, in order.
    private Stream CreatePart(Uri uri, string contentType) =>
        _package.CreatePart(uri, contentType, CompressionOption.Fast).GetStream(FileMode.Create, FileAccess.Write);

    private static Uri Relative(Uri partUri) => new(partUri.OriginalString["/xl/".Length..], UriKind.Relative);

    private static void WriteRoot(Stream stream, OpenXmlElement root)
    {
        using var writer = OpenXmlWriter.Create(stream);
        writer.WriteStartDocument();
        writer.WriteElement(root);
    }

    private static void WriteCell(OpenXmlWriter writer, string reference, object value, SheetColumn column)
    {
        if (value is bool b)
        {
            writer.WriteStartElement(s_cell, [new OpenXmlAttribute("r", "", reference), s_booleanType]);
            WriteValue(writer, b ? "1" : "0");
            writer.WriteEndElement();
        }
        else if (column.Format is not ColumnFormat.Text && ExportValue.NumberText(value) is { } number)
        {
            WriteNumber(writer, reference, number, XlsxStyles.ForValue(column.Format, column.Kind));
        }
        else if (column.Format is not ColumnFormat.Text && value is DateTime or DateOnly or DateTimeOffset && ExportValue.TryDate(value, out var date))
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

    // Hot path (once per cell): element instances are only templates for the writer, so one of
    // each serves every cell; values are written as strings, not as new element objects.
    private static void WriteNumber(OpenXmlWriter writer, string reference, string number, uint style)
    {
        writer.WriteStartElement(s_cell, [new OpenXmlAttribute("r", "", reference), s_styles[style]]);
        WriteValue(writer, number);
        writer.WriteEndElement();
    }

    private static void WriteValue(OpenXmlWriter writer, string text)
    {
        writer.WriteStartElement(s_value, s_noAttributes);
        writer.WriteString(text);
        writer.WriteEndElement();
    }

    // Inline strings (t="inlineStr") need no shared-string table, so memory stays flat; the text
    // is a string cell, never a formula, whatever it starts with.
    private static void WriteInlineString(OpenXmlWriter writer, string reference, string text, uint style)
    {
        OpenXmlAttribute[] attributes = style == XlsxStyles.Default
            ? [new OpenXmlAttribute("r", "", reference), s_inlineStringType]
            : [new OpenXmlAttribute("r", "", reference), s_styles[style], s_inlineStringType];
        writer.WriteStartElement(s_cell, attributes);
        writer.WriteStartElement(s_inlineString, s_noAttributes);
        // xml:space="preserve" only where XML would otherwise fold the whitespace.
        writer.WriteStartElement(s_text, text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]) || text.Contains('\n', StringComparison.Ordinal))
            ? s_preserveSpace : s_noAttributes);
        writer.WriteString(text);
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

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

    private sealed record WrittenSheet(string Name, Uri Uri, long Rows = 0, string FilterRange = "$A$1:$A$1");
}
