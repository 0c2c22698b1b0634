using System.Buffers;
using System.Globalization;
using System.Text.Unicode;

namespace JobMarket.Warehouse.Runner.Exports.Writing;

/// <summary>
/// Writes one worksheet part's SpreadsheetML as UTF-8 bytes into a buffer over the part's stream.
/// This is the export's hot path (every cell): the SDK's <c>OpenXmlWriter</c> spent about 2 µs a
/// cell in element and attribute objects, so cells are written here from precomputed byte
/// fragments, numbers formatted straight into the buffer. Text is escaped for XML and for
/// SpreadsheetML's <c>_xHHHH_</c> convention (ECMA-376 Part 1, §22.9.2.19 ST_Xstring).
/// </summary>
internal sealed class SheetXmlWriter : IDisposable
{
    private const int BufferSize = 1 << 16;

    /// <summary>Room for any fixed fragment plus a formatted number or reference.</summary>
    private const int MaxFragment = 256;

    // What plain UTF-8 copying must stop at: XML's markup characters, '_' (a possible _xHHHH_),
    // CR (an XML parser would turn it into LF) and the characters XML 1.0 cannot carry at all.
    // Lone surrogates are left to the UTF-8 encoder, which writes U+FFFD for them.
    private static readonly SearchValues<char> s_special = SearchValues.Create(
        "&<>_\r\uFFFE\uFFFF" + new string([.. Enumerable.Range(0, 0x20).Where(c => c is not '\t' and not '\n').Select(c => (char)c)]));

    private static readonly byte[][] s_styles = [.. Enumerable.Range(0, 16).Select(i => System.Text.Encoding.ASCII.GetBytes($" s=\"{i}\""))];

    private const long SerialFractionScale = 100_000_000_000;
    private static readonly DateTime s_serialEpoch = new(1899, 12, 30);

    private readonly Stream _stream;
    private readonly byte[] _buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
    private readonly byte[][] _letters;
    private readonly byte[] _row = new byte[20];
    private int _rowLength;
    private int _length;
    private bool _disposed;

    /// <param name="stream">The worksheet part's stream; not closed by this writer.</param>
    /// <param name="columnCount">Cells are addressed by column index 0 … columnCount − 1.</param>
    public SheetXmlWriter(Stream stream, int columnCount)
    {
        _stream = stream;
        _letters = [.. Enumerable.Range(0, columnCount).Select(i => System.Text.Encoding.ASCII.GetBytes(ColumnLetters(i)))];
    }

    /// <summary>The XML declaration, the sheet view (header row frozen or not), the column widths and <c>&lt;sheetData&gt;</c>.</summary>
    public void StartSheet(IReadOnlyList<double> widths, bool freezeHeader)
    {
        Raw("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"u8);
        if (freezeHeader)
        {
            Raw("<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/><selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>"u8);
        }
        if (widths.Count > 0)
        {
            Raw("<cols>"u8);
            for (var i = 0; i < widths.Count; i++)
            {
                Raw("<col min=\""u8);
                Number(i + 1);
                Raw("\" max=\""u8);
                Number(i + 1);
                Raw("\" width=\""u8);
                Reserve(MaxFragment);
                widths[i].TryFormat(_buffer.AsSpan(_length), out var written, "R", CultureInfo.InvariantCulture);
                _length += written;
                Raw("\" customWidth=\"1\"/>"u8);
            }
            Raw("</cols>"u8);
        }
        Raw("<sheetData>"u8);
    }

    /// <summary>Opens row <paramref name="number"/> (1-based); cells follow in column order.</summary>
    public void StartRow(long number)
    {
        number.TryFormat(_row, out _rowLength, default, CultureInfo.InvariantCulture);
        Reserve(MaxFragment);
        Raw("<row r=\""u8);
        Raw(_row.AsSpan(0, _rowLength));
        Raw("\">"u8);
    }

    public void EndRow() => Raw("</row>"u8);

    /// <summary>A number cell (an Excel serial date is one too), already formatted as invariant text.</summary>
    public void NumberCell(int column, ReadOnlySpan<byte> number, uint style)
    {
        StartCell(column, style);
        Raw("><v>"u8);
        Raw(number);
        Raw("</v></c>"u8);
    }

    /// <summary>A date as Excel's serial number (days since 1899-12-30, time as the fraction).</summary>
    public void DateCell(int column, DateTime date, uint style)
    {
        Span<byte> number = stackalloc byte[32];
        NumberCell(column, number[..FormatSerialDate(date, number)], style);
    }

    /// <summary>
    /// Excel's serial number of <paramref name="date"/> (on or after 1900-03-01) as invariant text:
    /// whole days, then the time of day with 11 decimals (under a microsecond), trailing zeros dropped.
    /// Integer arithmetic: <c>ToOADate().ToString("R")</c> takes double's slow shortest-round-trip
    /// path for most times of day, and there are millions of them.
    /// </summary>
    public static int FormatSerialDate(DateTime date, Span<byte> destination)
    {
        var ticks = date.Ticks - s_serialEpoch.Ticks;
        var days = ticks / TimeSpan.TicksPerDay;
        // ticks of the day × 10^11 / TicksPerDay (864 × 10^9) = ticks × 25 / 216, rounded to nearest.
        var fraction = ((ticks % TimeSpan.TicksPerDay * 25) + 108) / 216;
        if (fraction == SerialFractionScale)
        {
            days++;
            fraction = 0;
        }
        days.TryFormat(destination, out var length, default, CultureInfo.InvariantCulture);
        if (fraction != 0)
        {
            destination[length++] = (byte)'.';
            fraction.TryFormat(destination[length..], out var digits, "D11", CultureInfo.InvariantCulture);
            length += digits;
            while (destination[length - 1] == (byte)'0')
            {
                length--;
            }
        }
        return length;
    }

    public void BooleanCell(int column, bool value)
    {
        StartCell(column, XlsxStyles.Default);
        Raw(value ? " t=\"b\"><v>1</v></c>"u8 : " t=\"b\"><v>0</v></c>"u8);
    }

    /// <summary>
    /// An inline string cell (<c>t="inlineStr"</c>: no shared-string table, so memory stays flat,
    /// and the text is a string whatever it starts with, never a formula).
    /// </summary>
    public void TextCell(int column, string text, uint style)
    {
        StartCell(column, style);
        // xml:space="preserve" only where XML would otherwise fold the whitespace.
        Raw(text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]) || text.Contains('\n', StringComparison.Ordinal))
            ? " t=\"inlineStr\"><is><t xml:space=\"preserve\">"u8
            : " t=\"inlineStr\"><is><t>"u8);
        Text(text);
        Raw("</t></is></c>"u8);
    }

    /// <summary>Closes <c>&lt;sheetData&gt;</c>, adds the autofilter over <paramref name="autoFilter"/> (e.g. <c>A1:H20</c>) if any, and flushes.</summary>
    public void EndSheet(string? autoFilter)
    {
        Raw("</sheetData>"u8);
        if (autoFilter is not null)
        {
            Raw("<autoFilter ref=\""u8);
            Text(autoFilter);
            Raw("\"/>"u8);
        }
        Raw("</worksheet>"u8);
        Flush();
    }

    public void Flush()
    {
        if (_length > 0)
        {
            _stream.Write(_buffer, 0, _length);
            _length = 0;
        }
    }

    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            ArrayPool<byte>.Shared.Return(_buffer);
        }
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

    /// <summary>
    /// Whether <paramref name="text"/> starts with something a reader would decode as an
    /// <c>_xHHHH_</c> escape, so its '_' must itself be escaped (as <c>_x005F_</c>).
    /// </summary>
    public static bool StartsWithEscapeLike(ReadOnlySpan<char> text) =>
        text.Length >= 7 && text[0] == '_' && text[1] == 'x' && text[6] == '_'
        && char.IsAsciiHexDigit(text[2]) && char.IsAsciiHexDigit(text[3]) && char.IsAsciiHexDigit(text[4]) && char.IsAsciiHexDigit(text[5]);

    // <c r="B12" s="5"   (the caller writes the rest)
    private void StartCell(int column, uint style)
    {
        Reserve(MaxFragment);
        Raw("<c r=\""u8);
        Raw(_letters[column]);
        Raw(_row.AsSpan(0, _rowLength));
        Raw("\""u8);
        if (style != XlsxStyles.Default)
        {
            Raw(s_styles[style]);
        }
    }

    // Escaped character data: plain runs are transcoded in one go, the rare special characters one by one.
    private void Text(ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            var special = text.IndexOfAny(s_special);
            Transcode(special < 0 ? text : text[..special]);
            if (special < 0)
            {
                return;
            }
            var c = text[special];
            switch (c)
            {
                case '&':
                    Raw("&amp;"u8);
                    break;
                case '<':
                    Raw("&lt;"u8);
                    break;
                case '>':
                    Raw("&gt;"u8);
                    break;
                case '_':
                    Raw(StartsWithEscapeLike(text[special..]) ? "_x005F_"u8 : "_"u8);
                    break;
                default:
                    // CR and the characters XML 1.0 forbids: Excel's own escape, decoded back on reading.
                    Reserve(MaxFragment);
                    Raw("_x"u8);
                    ((int)c).TryFormat(_buffer.AsSpan(_length), out var written, "X4", CultureInfo.InvariantCulture);
                    _length += written;
                    Raw("_"u8);
                    break;
            }
            text = text[(special + 1)..];
        }
    }

    private void Transcode(ReadOnlySpan<char> text)
    {
        while (true)
        {
            var status = Utf8.FromUtf16(text, _buffer.AsSpan(_length), out var read, out var written);
            _length += written;
            if (status == OperationStatus.Done)
            {
                return;
            }
            text = text[read..];
            Flush();
        }
    }

    private void Number(long value)
    {
        Reserve(MaxFragment);
        value.TryFormat(_buffer.AsSpan(_length), out var written, default, CultureInfo.InvariantCulture);
        _length += written;
    }

    private void Raw(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > _buffer.Length - _length)
        {
            Flush();
            if (bytes.Length > _buffer.Length)
            {
                _stream.Write(bytes);
                return;
            }
        }
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    private void Reserve(int bytes)
    {
        if (_buffer.Length - _length < bytes)
        {
            Flush();
        }
    }
}
