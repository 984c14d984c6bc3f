using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Analytics.Dashboard.Exports;

/// <summary>
/// A page of this dashboard that may be printed to PDF: a local path (never another host) of one of the reading pages
/// — the overview, an indicator, a district, an industry group, the data page — with its query (year, filters, lang).
/// </summary>
/// <param name="PathAndQuery">What the printer opens, relative to the dashboard's own address.</param>
/// <param name="FileName">The PDF's name, ASCII only: the path's segments and the query's values.</param>
public sealed record PrintablePage(string PathAndQuery, string FileName)
{
    /// <summary>Longest page parameter accepted.</summary>
    public const int MaxLength = 2048;

    private static readonly string[] Prefixes = ["/indicator/", "/district/", "/industry/"];

    /// <summary>The page <paramref name="page"/> names, or null with <paramref name="error"/> saying why not.</summary>
    public static PrintablePage? Parse(string? page, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(page))
        {
            error = "Say which page to print: page=/indicator/CQ-TECH-SME?year=2015 (a path of this dashboard).";
            return null;
        }

        if (page.Length > MaxLength)
        {
            error = $"The page is {page.Length:N0} characters long; at most {MaxLength:N0} are accepted.";
            return null;
        }

        // A path of this site only: '//host' and '/\host' are other hosts to a browser, and a scheme is another site.
        if (page[0] != '/' || page.StartsWith("//", StringComparison.Ordinal) || page.Contains('\\', StringComparison.Ordinal)
            || page.Any(char.IsControl) || page.Contains('#', StringComparison.Ordinal))
        {
            error = $"'{Shown(page)}' is not a page of this dashboard: give its path, starting with one '/'.";
            return null;
        }

        var question = page.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? page : page[..question];
        var query = question < 0 ? "" : page[question..];
        if (!(path is "/" or "/data" || Prefixes.Any(p => path.StartsWith(p, StringComparison.Ordinal) && path.Length > p.Length && path.IndexOf('/', p.Length) < 0)))
        {
            error = $"'{Shown(path)}' cannot be printed: the overview (/), an indicator, a district or an industry page, or /data can.";
            return null;
        }

        var parts = (path == "/" ? ["overview"] : path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString))
            .Concat(QueryHelpers.ParseQuery(query).Where(q => q.Key != "lang").Select(q => q.Value.ToString()));
        return new PrintablePage(page, FileNameOf(parts));
    }

    private static string FileNameOf(IEnumerable<string> parts)
    {
        var name = new StringBuilder();
        foreach (var part in parts)
        {
            var safe = new string(part.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_').ToArray());
            if (safe.Length > 0)
            {
                name.Append(name.Length > 0 ? "-" : "").Append(safe);
            }
        }

        var text = name.Length == 0 ? "page" : name.ToString();
        return (text.Length > 100 ? text[..100] : text) + ".pdf";
    }

    private static string Shown(string text) => text.Length > 80 ? text[..80] + "…" : text;
}
