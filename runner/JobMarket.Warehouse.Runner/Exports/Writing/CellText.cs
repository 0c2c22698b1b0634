using System.Text;

namespace JobMarket.Warehouse.Runner.Exports.Writing;

/// <summary>
/// Text rules shared by the writers: formula-injection guards (OWASP "CSV injection") and what
/// an xlsx cell can hold (XML 1.0 characters, at most 32,767 characters).
/// </summary>
internal static class CellText
{
    public const int MaxXlsxLength = 32_767;
    public const string TruncationMark = "…";

    /// <summary>Text a spreadsheet would take for a formula if it were typed in.</summary>
    public static bool IsFormulaLike(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>CSV: a leading apostrophe keeps a spreadsheet from evaluating the field.</summary>
    public static string ForCsv(string text) => IsFormulaLike(text) ? "'" + text : text;

    /// <summary>xlsx: characters XML cannot carry become U+FFFD; past 32,767 characters the text is cut with "…".</summary>
    public static string ForXlsx(string text)
    {
        if (NeedsXmlCleaning(text))
        {
            var builder = new StringBuilder(text.Length);
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    builder.Append(c).Append(text[++i]);
                }
                else
                {
                    builder.Append(IsXmlChar(c) && !char.IsSurrogate(c) ? c : '\uFFFD');
                }
            }
            text = builder.ToString();
        }
        if (text.Length <= MaxXlsxLength)
        {
            return text;
        }
        var cut = MaxXlsxLength - TruncationMark.Length;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }
        return string.Concat(text.AsSpan(0, cut), TruncationMark);
    }

    private static bool NeedsXmlCleaning(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (!IsXmlChar(c) || char.IsSurrogate(c))
            {
                return true;
            }
        }
        return false;
    }

    // https://www.w3.org/TR/xml/#charsets
    private static bool IsXmlChar(char c) => c is '\t' or '\n' or '\r' or (>= ' ' and <= '\uD7FF') or (>= '\uE000' and <= '\uFFFD') or (>= '\uD800' and <= '\uDFFF');
}
