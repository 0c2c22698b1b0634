using System.Net;
using System.Text;

namespace JobMarket.Warehouse.Extract.Synthetic.Formats;

/// <summary>Renders a job's description parts as each source writes them: plain text, bullets, HTML, or truncated.</summary>
internal static class DescriptionText
{
    /// <summary>Plain text with line breaks and a bullet character ("-" for France Travail, "•" for JSearch).</summary>
    public static string Plain(SyntheticJob job, string bullet)
    {
        var text = new StringBuilder(900);
        text.Append(job.Intro).Append("\n\n");
        text.Append(job.French ? "Vos missions :" : "Responsibilities:").Append('\n');
        foreach (var mission in job.Missions)
        {
            text.Append(bullet).Append(' ').Append(mission).Append('\n');
        }
        text.Append('\n').Append(job.French ? "Profil recherché :" : "Requirements:").Append('\n');
        foreach (var requirement in job.Requirements)
        {
            text.Append(bullet).Append(' ').Append(requirement).Append('\n');
        }
        foreach (var line in job.Closing)
        {
            text.Append('\n').Append(line);
        }
        return text.ToString().TrimEnd('\n');
    }

    /// <summary>One paragraph cut near <paramref name="limit"/> characters with "…", as Adzuna's search results are.</summary>
    public static string Truncated(string text, int limit)
    {
        var flat = text.Replace("\n\n", " ", StringComparison.Ordinal).Replace('\n', ' ');
        if (flat.Length <= limit)
        {
            return flat;
        }
        var cut = flat.LastIndexOf(' ', limit);
        return flat[..(cut > limit / 2 ? cut : limit)] + "…";
    }

    /// <summary>HTML, as The Muse's <c>contents</c>: paragraphs, bold headings, lists, entities and a mailto link.</summary>
    public static string Html(SyntheticJob job)
    {
        var html = new StringBuilder(1200);
        html.Append("<p><b>About the role</b></p><p>").Append(WebUtility.HtmlEncode(job.Intro)).Append("</p>");
        html.Append(job.French ? "<p><b>Vos missions</b></p><ul>" : "<p><b>What you&#39;ll do</b></p><ul>");
        foreach (var mission in job.Missions)
        {
            html.Append("<li>").Append(WebUtility.HtmlEncode(mission)).Append("</li>");
        }
        html.Append(job.French ? "</ul><p><b>Profil</b></p><ul>" : "</ul><p><b>What we&#39;re looking for</b></p><ul>");
        foreach (var requirement in job.Requirements)
        {
            html.Append("<li>").Append(WebUtility.HtmlEncode(requirement)).Append("</li>");
        }
        html.Append("</ul>");
        foreach (var line in job.Closing)
        {
            var encoded = WebUtility.HtmlEncode(line);
            if (job.Contact is { } contact && job.ContactInDescription)
            {
                encoded = encoded.Replace(contact.Email, $"<a href=\"mailto:{contact.Email}\">{contact.Email}</a>", StringComparison.Ordinal);
            }
            html.Append("<p>").Append(encoded).Append("</p>");
        }
        html.Append("<p>&nbsp;</p><p><i>").Append(WebUtility.HtmlEncode(job.Company.Name)).Append(" is an equal opportunity employer.</i></p>");
        return html.ToString();
    }
}
