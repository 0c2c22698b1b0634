namespace JobMarket.Warehouse.Runner.Exports.Writing;

/// <summary>
/// Text rules shared by the writers: formula-injection guards (OWASP "CSV injection") and what
/// an xlsx cell can hold (at most 32,767 characters).
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

    /// <summary>
    /// xlsx: past Excel's 32,767-character cell limit the text is cut with "…" (never inside a
    /// surrogate pair). Characters XML cannot carry are escaped by <see cref="SheetXmlWriter"/>.
    /// </summary>
    public static string ForXlsx(string text)
    {
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
}
