using System.Globalization;
using System.Text;
using System.Xml.Linq;
using JobMarket.Warehouse.Runner.Exports.Writing;

namespace JobMarket.Warehouse.Tests.Exports.Writing;

public sealed class SheetXmlWriterTests
{
    private static readonly XNamespace s_main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    [Theory]
    [InlineData("plain text",          "plain text")]
    [InlineData("a < b && c > d",      "a < b && c > d")]
    [InlineData("bell\u0007end",       "bell_x0007_end")]
    [InlineData("nul\0 esc\u001B",     "nul_x0000_ esc_x001B_")]
    [InlineData("tab\tand\nline",      "tab\tand\nline")]
    [InlineData("cr\r\nlf",            "cr_x000D_\nlf")]
    [InlineData("_x0041_ stays text",  "_x005F_x0041_ stays text")]
    [InlineData("_x00e9_x",            "_x005F_x00e9_x")]
    [InlineData("snake_case _x12 _xZZZZ_ a_", "snake_case _x12 _xZZZZ_ a_")]
    [InlineData("non-char \uFFFE\uFFFF", "non-char _xFFFE__xFFFF_")]
    [InlineData("🚀 Île-de-France 日本", "🚀 Île-de-France 日本")]
    public void TextCell_EscapesForXmlAndSpreadsheetMl_WhenTextHasSpecialCharacters(string text, string expectedInXml)
    {
        var cell = WriteOneCell(w => w.TextCell(0, text, XlsxStyles.Default));

        Assert.Equal("inlineStr", (string?)cell.Attribute("t"));
        Assert.Equal(expectedInXml, cell.Element(s_main + "is")!.Element(s_main + "t")!.Value);
        Assert.Equal(text, XlsxWorkbook.DecodeXString(expectedInXml));
    }

    [Fact]
    public void TextCell_WritesReplacementCharacter_WhenASurrogateIsAlone()
    {
        var cell = WriteOneCell(w => w.TextCell(0, "a\uD800b\uDC00c", XlsxStyles.Default));

        Assert.Equal("a\uFFFDb\uFFFDc", cell.Element(s_main + "is")!.Element(s_main + "t")!.Value);
    }

    [Fact]
    public void TextCell_KeepsTextWhole_WhenItIsLongerThanTheBuffer()
    {
        var text = string.Concat(Enumerable.Repeat("Développeur·se <&> 🚀 ", 8_000));

        var cell = WriteOneCell(w => w.TextCell(0, text, XlsxStyles.Header));

        Assert.Equal(text, cell.Element(s_main + "is")!.Element(s_main + "t")!.Value);
        Assert.Equal(XlsxStyles.Header.ToString(CultureInfo.InvariantCulture), (string?)cell.Attribute("s"));
    }

    [Fact]
    public void TextCell_PreservesSpace_OnlyWhenXmlWouldFoldIt()
    {
        var xml = Write(w =>
        {
            w.StartRow(2);
            w.TextCell(0, " leading", XlsxStyles.Default);
            w.TextCell(1, "two\nlines", XlsxStyles.Default);
            w.TextCell(2, "inner space", XlsxStyles.Default);
            w.EndRow();
        });

        var texts = xml.Descendants(s_main + "t").ToList();
        Assert.Equal(["preserve", "preserve", null], texts.Select(t => (string?)t.Attribute(XNamespace.Xml + "space")));
        Assert.Equal([" leading", "two\nlines", "inner space"], texts.Select(t => t.Value));
    }

    [Fact]
    public void Cells_CarryReferencesStylesAndTypes_WhenRowsAreWritten()
    {
        var xml = Write(w =>
        {
            w.StartRow(1_048_576);
            w.NumberCell(0, "-12.50"u8, XlsxStyles.EurCents);
            w.BooleanCell(1, true);
            w.DateCell(27, new DateTime(2026, 1, 5), XlsxStyles.Date);
            w.EndRow();
        }, columns: 28);

        var row = xml.Descendants(s_main + "row").Single();
        Assert.Equal("1048576", (string?)row.Attribute("r"));
        var cells = row.Elements(s_main + "c").ToList();
        Assert.Equal(["A1048576", "B1048576", "AB1048576"], cells.Select(c => (string?)c.Attribute("r")));
        Assert.Equal(["6", null, "8"], cells.Select(c => (string?)c.Attribute("s")));
        Assert.Equal([null, "b", null], cells.Select(c => (string?)c.Attribute("t")));
        Assert.Equal(["-12.50", "1", "46027"], cells.Select(c => c.Element(s_main + "v")!.Value));
    }

    [Theory]
    [InlineData("2026-01-05T00:00:00")]
    [InlineData("2026-01-05T08:30:00")]
    [InlineData("2026-02-10T12:00:00.123456")]
    [InlineData("1900-03-01T00:00:01")]
    [InlineData("9999-12-30T23:59:59.9999999")]
    [InlineData("2026-03-16T23:59:59.999999")]
    public void FormatSerialDate_MatchesToOADate_WithinAMicrosecond(string iso)
    {
        var date = DateTime.Parse(iso, CultureInfo.InvariantCulture);
        Span<byte> buffer = stackalloc byte[32];

        var text = Encoding.ASCII.GetString(buffer[..SheetXmlWriter.FormatSerialDate(date, buffer)]);

        var serial = double.Parse(text, CultureInfo.InvariantCulture);
        var exact = (date - new DateTime(1899, 12, 30)).Ticks / (double)TimeSpan.TicksPerDay;
        // A microsecond, or what a double can hold at that many days.
        Assert.Equal(exact, serial, Math.Max(1e-6 / 86_400, Math.BitIncrement(exact) - exact));
        Assert.DoesNotMatch(@"\.\d*0$", text);
        Assert.Equal(date.ToOADate(), serial, 0.002 / 86_400); // ToOADate keeps whole milliseconds

    }

    [Fact]
    public void StartSheet_WritesAWellFormedWorksheet_WithFrozenHeaderWidthsAndAutofilter()
    {
        var xml = Write(w =>
        {
            w.StartRow(1);
            w.TextCell(0, "Title", XlsxStyles.Header);
            w.EndRow();
        }, widths: [12.5, 40], autoFilter: "A1:B1");

        var root = xml.Root!;
        Assert.Equal(s_main + "worksheet", root.Name);
        Assert.Equal(["sheetViews", "cols", "sheetData", "autoFilter"], root.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("frozen", (string?)root.Descendants(s_main + "pane").Single().Attribute("state"));
        Assert.Equal(["12.5", "40"], root.Descendants(s_main + "col").Select(c => (string?)c.Attribute("width")));
        Assert.Equal("A1:B1", (string?)root.Element(s_main + "autoFilter")!.Attribute("ref"));
    }

    private static XElement WriteOneCell(Action<SheetXmlWriter> write) =>
        Write(w =>
        {
            w.StartRow(2);
            write(w);
            w.EndRow();
        }).Descendants(s_main + "c").Single();

    private static XDocument Write(Action<SheetXmlWriter> write, int columns = 3, double[]? widths = null, string? autoFilter = null)
    {
        using var stream = new MemoryStream();
        using (var writer = new SheetXmlWriter(stream, columns))
        {
            writer.StartSheet(widths ?? [], freezeHeader: widths is not null);
            write(writer);
            writer.EndSheet(autoFilter);
        }
        stream.Position = 0;
        // A strict XML 1.0 reader: any character XML cannot carry would throw here.
        return XDocument.Load(System.Xml.XmlReader.Create(stream, new System.Xml.XmlReaderSettings { CheckCharacters = true }), LoadOptions.PreserveWhitespace);
    }
}
