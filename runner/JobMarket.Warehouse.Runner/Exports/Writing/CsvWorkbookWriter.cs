using CsvHelper;

namespace JobMarket.Warehouse.Runner.Exports.Writing;

/// <summary>
/// Writes each sheet as <c>&lt;export&gt;.&lt;sheet&gt;.csv</c> (UTF-8 with BOM, so Excel reads accents)
/// through CsvHelper, plus <c>&lt;export&gt;.about.csv</c> for the cover. Text that a spreadsheet would
/// evaluate gets a leading apostrophe (OWASP); numbers, including negative ones, are left alone.
/// </summary>
internal sealed class CsvWorkbookWriter(string folder, string exportName) : IWorkbookWriter
{
    // Text is guarded by CellText.ForCsv, the same rule the xlsx writer applies.
    private static readonly CsvWriterOptions s_options = new() { WriteByteOrderMark = true, Injection = CsvInjection.None };

    private readonly List<StagedFile> _files = [];
    private readonly HashSet<string> _fileNames = new(StringComparer.OrdinalIgnoreCase);
    private CsvWriter? _csv;
    private int _columnCount;

    public void StartSheet(string name, IReadOnlyList<SheetColumn> columns)
    {
        CloseSheet();
        _csv = Open(FileNameFor(name));
        _columnCount = columns.Count;
        foreach (var column in columns)
        {
            _csv.WriteField(CellText.ForCsv(column.Title));
        }
        _csv.EndRecord();
    }

    public void WriteRow(object?[] values)
    {
        var csv = _csv ?? throw new InvalidOperationException("StartSheet first");
        for (var i = 0; i < _columnCount; i++)
        {
            csv.WriteField(values[i] switch
            {
                null => "",
                string s => CellText.ForCsv(s),
                var v => ExportValue.NumberText(v) ?? CellText.ForCsv(ExportValue.Text(v)),
            });
        }
        csv.EndRecord();
    }

    public IReadOnlyList<string> Complete(CoverPage cover)
    {
        CloseSheet();
        using (var csv = Open("about"))
        {
            void Line(string key, string value)
            {
                csv.WriteField(key);
                csv.WriteField(CellText.ForCsv(value));
                csv.EndRecord();
            }
            Line("field", "value");
            Line("title", cover.Title);
            Line("description", cover.Description);
            Line("generated_at", ExportValue.Text(cover.GeneratedAt));
            foreach (var (name, value) in cover.Parameters)
            {
                Line("parameter." + name, value);
            }
            foreach (var (label, at) in cover.Freshness)
            {
                Line("freshness." + label, at is { } d ? ExportValue.Text(d) : "");
            }
        }
        return [.. _files.Select(f => f.Commit())];
    }

    public void Dispose()
    {
        _csv?.Dispose();
        foreach (var file in _files)
        {
            file.Dispose();
        }
    }

    private CsvWriter Open(string sheetFileName)
    {
        var file = new StagedFile(Path.Combine(folder, $"{exportName}.{sheetFileName}.csv"));
        _files.Add(file);
        var stream = new FileStream(file.TemporaryPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        return CsvWriter.Create(stream, s_options, leaveOpen: false);
    }

    private void CloseSheet()
    {
        _csv?.Dispose();
        _csv = null;
    }

    private string FileNameFor(string sheetName)
    {
        var slug = new string(sheetName.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray()).Trim('_');
        slug = slug.Length == 0 || slug == "about" ? "sheet_" + slug : slug;
        var name = slug;
        for (var n = 2; !_fileNames.Add(name); n++)
        {
            name = $"{slug}_{n}";
        }
        return name;
    }
}
