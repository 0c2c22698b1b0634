namespace JobMarket.Warehouse.Runner.Exports.Writing;

/// <summary>
/// Makes sheet names Excel accepts: at most 31 characters, none of <c>[]:*?/\</c>, not blank, no
/// leading or trailing apostrophe, not "History", and unique regardless of case.
/// </summary>
internal sealed class SheetNamer
{
    public const int MaxLength = 31;
    private static readonly char[] s_invalid = ['[', ']', ':', '*', '?', '/', '\\'];
    private readonly HashSet<string> _used = new(StringComparer.OrdinalIgnoreCase);

    public string Unique(string wanted)
    {
        var cleaned = Clean(wanted);
        var name = cleaned;
        for (var n = 2; !_used.Add(name); n++)
        {
            var suffix = $" ({n})";
            name = cleaned[..Math.Min(cleaned.Length, MaxLength - suffix.Length)].TrimEnd() + suffix;
        }
        return name;
    }

    public static string Clean(string wanted)
    {
        var chars = wanted.Select(c => s_invalid.Contains(c) || char.IsControl(c) ? '_' : c).ToArray();
        var name = new string(chars).Trim().Trim('\'').Trim();
        if (name.Length == 0)
        {
            name = "Sheet";
        }
        if (name.Length > MaxLength)
        {
            // Never cut a surrogate pair in half.
            var cut = char.IsHighSurrogate(name[MaxLength - 1]) ? MaxLength - 1 : MaxLength;
            name = name[..cut].TrimEnd().TrimEnd('\'');
        }
        return string.Equals(name, "History", StringComparison.OrdinalIgnoreCase) ? name + "_" : name;
    }
}
