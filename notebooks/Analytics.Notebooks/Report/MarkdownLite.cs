using System.Text;
using System.Text.RegularExpressions;

namespace Analytics.Notebooks.Report;

/// <summary>
/// The Markdown the notebooks' prose uses, as HTML: headings, paragraphs, bullet and numbered lists, quotes, pipe
/// tables, fenced code; inline bold, italics, code and links. No raw HTML passes through (it is encoded).
/// </summary>
internal static partial class MarkdownLite
{
    public static string ToHtml(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var html = new StringBuilder();
        var i = 0;
        while (i < lines.Length)
        {
            var line = lines[i];
            if (string.IsNullOrWhiteSpace(line))
            {
                i++;
            }
            else if (line.StartsWith("```", StringComparison.Ordinal))
            {
                var code = new List<string>();
                for (i++; i < lines.Length && !lines[i].StartsWith("```", StringComparison.Ordinal); i++)
                {
                    code.Add(lines[i]);
                }

                i++;
                html.Append("<pre><code>").Append(Html.Encode(string.Join('\n', code))).Append("</code></pre>\n");
            }
            else if (Heading().Match(line) is { Success: true } h)
            {
                var level = h.Groups[1].Length;
                html.Append(System.Globalization.CultureInfo.InvariantCulture, $"<h{level}>{Inline(h.Groups[2].Value)}</h{level}>\n");
                i++;
            }
            else if (line.TrimStart().StartsWith('|'))
            {
                i = Table(lines, i, html);
            }
            else if (Bullet().IsMatch(line) || Numbered().IsMatch(line))
            {
                var ordered = Numbered().IsMatch(line);
                html.Append(ordered ? "<ol>" : "<ul>");
                for (; i < lines.Length && (ordered ? Numbered() : Bullet()).Match(lines[i]) is { Success: true } item; i++)
                {
                    html.Append("<li>").Append(Inline(item.Groups[1].Value)).Append("</li>");
                }

                html.Append(ordered ? "</ol>\n" : "</ul>\n");
            }
            else if (line.StartsWith('>'))
            {
                var quote = new List<string>();
                for (; i < lines.Length && lines[i].StartsWith('>'); i++)
                {
                    quote.Add(lines[i].TrimStart('>').Trim());
                }

                html.Append("<blockquote>").Append(Inline(string.Join(' ', quote))).Append("</blockquote>\n");
            }
            else
            {
                var paragraph = new List<string>();
                for (; i < lines.Length && !string.IsNullOrWhiteSpace(lines[i]) && !StartsBlock(lines[i]); i++)
                {
                    paragraph.Add(lines[i].Trim());
                }

                html.Append("<p>").Append(Inline(string.Join('\n', paragraph)).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</p>\n");
            }
        }

        return html.ToString();
    }

    private static bool StartsBlock(string line) =>
        line.StartsWith("```", StringComparison.Ordinal) || Heading().IsMatch(line) || line.TrimStart().StartsWith('|')
        || Bullet().IsMatch(line) || Numbered().IsMatch(line) || line.StartsWith('>');

    private static int Table(string[] lines, int i, StringBuilder html)
    {
        var rows = new List<string[]>();
        for (; i < lines.Length && lines[i].TrimStart().StartsWith('|'); i++)
        {
            var cells = lines[i].Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            if (!cells.All(c => c.Length > 0 && c.All(ch => ch is '-' or ':')))
            {
                rows.Add(cells);
            }
        }

        html.Append("<table class=\"md\">");
        for (var r = 0; r < rows.Count; r++)
        {
            var tag = r == 0 ? "th" : "td";
            html.Append("<tr>");
            foreach (var cell in rows[r])
            {
                html.Append('<').Append(tag).Append('>').Append(Inline(cell)).Append("</").Append(tag).Append('>');
            }

            html.Append("</tr>");
        }

        html.Append("</table>\n");
        return i;
    }

    /// <summary>Inline markup over HTML-encoded text.</summary>
    public static string Inline(string text)
    {
        var encoded = Html.Encode(text);
        encoded = Code().Replace(encoded, "<code>$1</code>");
        encoded = Bold().Replace(encoded, "<strong>$1</strong>");
        encoded = Italic().Replace(encoded, "<em>$1</em>");
        return Link().Replace(encoded, m => $"<a href=\"{m.Groups[2].Value}\">{m.Groups[1].Value}</a>");
    }

    [GeneratedRegex(@"^(#{1,6})\s+(.*)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\s*[-*]\s+(.*)$")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"^\s*\d+[.)]\s+(.*)$")]
    private static partial Regex Numbered();

    [GeneratedRegex(@"`([^`]+)`")]
    private static partial Regex Code();

    [GeneratedRegex(@"\*\*(.+?)\*\*")]
    private static partial Regex Bold();

    [GeneratedRegex(@"(?<![*\w])\*(?!\s)(.+?)(?<!\s)\*(?![*\w])")]
    private static partial Regex Italic();

    [GeneratedRegex(@"\[([^\]]+)\]\((https?://[^)\s]+)\)")]
    private static partial Regex Link();
}
