using System.Globalization;
using System.Text;

namespace JobMarket.Warehouse.Extract.Synthetic.Catalog;

/// <summary>People's names for contact details, and slugs for URLs and domains.</summary>
internal static class Names
{
    public static IReadOnlyList<string> FirstNames { get; } =
    [
        "Camille", "Julie", "Sophie", "Marie", "Claire", "Nadia", "Amélie", "Inès", "Léa", "Sarah", "Fatima", "Chloé",
        "Thomas", "Nicolas", "Julien", "Pierre", "Mehdi", "Antoine", "Hugo", "Lucas", "Karim", "Mathieu", "David", "Olivier",
    ];

    public static IReadOnlyList<string> LastNames { get; } =
    [
        "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent",
        "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard", "Andre", "Mercier",
        "Dupont", "Lambert", "Bonnet", "François", "Martinez", "Legrand", "Garnier", "Faure", "Rousseau", "Blanc", "Guerin", "Muller",
        "Henry", "Roussel", "Nicolas", "Perrin", "Morin", "Mathieu", "Clement", "Gauthier", "Dumont", "Lopez", "Fontaine", "Chevalier",
    ];

    /// <summary>Lowercase ASCII with dashes: "Société Générale" → "societe-generale".</summary>
    public static string Slug(string text)
    {
        var normalized = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }
        return builder.ToString().Trim('-');
    }
}
