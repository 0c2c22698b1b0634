using System.Globalization;
using System.IO.Packaging;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using JobMarket.Warehouse.Runner.Exports.Definitions;

namespace JobMarket.Warehouse.Runner.Exports.Writing;

/// <summary>
/// Streams an xlsx workbook into a write-only System.IO.Packaging package that zips each part as
/// it is written instead of buffering it in memory: worksheets (rows written as they arrive) through
/// <see cref="SheetXmlWriter"/>, then the cover sheet, and the stylesheet and workbook parts built
/// with the Open XML SDK. A sheet past the row limit continues on a new sheet named "Name (2)".
/// </summary>
internal sealed class XlsxWorkbookWriter : IWorkbookWriter
{
    /// <summary>Excel's limit: 1,048,576 rows per sheet, the header included.</summary>
    public const int ExcelMaxRows = 1_048_576;

    private const string CoverName = "About";

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

    private BackgroundWriteStream? _partStream;
    private SheetXmlWriter? _writer;
    private IReadOnlyList<SheetColumn> _columns = [];
    private ColumnStyles[] _styles = [];
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
        _styles = [.. columns.Select(ColumnStyles.For)];
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
        writer.StartRow(_rowNumber);
        for (var i = 0; i < _columns.Count; i++)
        {
            if (values[i] is { } value)
            {
                WriteCell(writer, i, value, _columns[i].Format, _styles[i]);
            }
        }
        writer.EndRow();
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
                _writer?.Dispose();
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
        _rowsInPart = 0;
        // Deflating on its own thread: the cells are formatted while the previous chunk is compressed.
        _partStream = new BackgroundWriteStream(CreatePart(uri, WorksheetContentType));
        var writer = _writer = new SheetXmlWriter(_partStream, _columns.Count);
        writer.StartSheet([.. _columns.Select(c => c.Width)], freezeHeader: true);
        _rowNumber = 1;
        writer.StartRow(1);
        for (var i = 0; i < _columns.Count; i++)
        {
            writer.TextCell(i, CellText.ForXlsx(_columns[i].Title), XlsxStyles.Header);
        }
        writer.EndRow();
    }

    private void EndPart()
    {
        if (_writer is not { } writer)
        {
            return;
        }
        var lastColumn = _columns.Count == 0 ? "A" : SheetXmlWriter.ColumnLetters(_columns.Count - 1);
        writer.EndSheet(_columns.Count > 0 ? $"A1:{lastColumn}{_rowNumber}" : null);
        writer.Dispose();
        _partStream!.Complete();
        _partStream.Dispose();
        _writer = null;
        _partStream = null;
        _sheets[^1] = _sheets[^1] with { Rows = _rowsInPart, FilterRange = $"$A$1:${lastColumn}${_rowNumber}" };
    }

    private void WriteCover(Stream stream, CoverPage cover)
    {
        using var writer = new SheetXmlWriter(stream, 2);
        writer.StartSheet([28, 90], freezeHeader: false);
        var row = 0;
        void Line(string? label, string? text, uint labelStyle = XlsxStyles.CoverLabel, uint textStyle = XlsxStyles.Wrapped, DateTimeOffset? date = null)
        {
            writer.StartRow(++row);
            if (label is not null)
            {
                writer.TextCell(0, CellText.ForXlsx(label), labelStyle);
            }
            if (date is { } d)
            {
                writer.DateCell(1, d.UtcDateTime, XlsxStyles.DateTime);
            }
            else if (text is not null)
            {
                writer.TextCell(1, CellText.ForXlsx(text), CellText.IsFormulaLike(text) ? XlsxStyles.QuotedText : textStyle);
            }
            writer.EndRow();
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
        writer.EndSheet(autoFilter: null);
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

    // Hot path, once per cell: the kind tests mirror CsvWorkbookWriter's, the styles are precomputed per column.
    private static void WriteCell(SheetXmlWriter writer, int column, object value, ColumnFormat format, ColumnStyles styles)
    {
        Span<byte> number = stackalloc byte[ExportValue.MaxNumberLength];
        if (value is bool b)
        {
            writer.BooleanCell(column, b);
        }
        else if (format is not ColumnFormat.Text && ExportValue.TryFormatNumber(value, number, out var written))
        {
            writer.NumberCell(column, number[..written], styles.Number);
        }
        else if (format is not ColumnFormat.Text && value is DateTime or DateOnly or DateTimeOffset && ExportValue.TryDate(value, out var date))
        {
            writer.DateCell(column, date, styles.Date);
        }
        else
        {
            var text = value as string ?? ExportValue.Text(value);
            writer.TextCell(column, CellText.ForXlsx(text), CellText.IsFormulaLike(text) ? XlsxStyles.QuotedText : XlsxStyles.Default);
        }
    }

    /// <summary>The style indexes a column's number and date cells take.</summary>
    private readonly record struct ColumnStyles(uint Number, uint Date)
    {
        public static ColumnStyles For(SheetColumn column) => new(
            XlsxStyles.ForValue(column.Format, column.Kind),
            column.Format is ColumnFormat.Date or ColumnFormat.DateTime
                ? XlsxStyles.ForValue(column.Format, column.Kind)
                : column.Kind == CellKind.Date ? XlsxStyles.Date : XlsxStyles.DateTime);
    }

    private sealed record WrittenSheet(string Name, Uri Uri, long Rows = 0, string FilterRange = "$A$1:$A$1");
}
